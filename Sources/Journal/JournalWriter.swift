import DashboardCore
import Foundation
import GRDB
import GitHubMigrations

/// Writes inside one transaction: the rows for each change, and nothing for what the journal already
/// holds (a migration seen again in the same state, an import in the same status).
struct JournalWriter {
    /// The transaction's connection.
    let db: Database

    /// Records one change of the dashboard's feed. `downloadFinished` carries only a path: the download
    /// is recorded whole by `Journal.recordDownload`, so the feed's copy is not written twice.
    func apply(_ change: ObservedChange, host: String, login: String) throws {
        switch change {
        case .migrationAppeared(let key, let migration, let alreadyThere, let at):
            // A migration already in the journal that reappears in another state changed while migdash was
            // away; one never seen before is approximate when it was there before this run looked.
            try observe(
                key, migration, at: at, host: host, login: login, approximateIfNew: alreadyThere,
                approximateIfKnown: true)
        case .migrationChanged(let key, _, let migration, let at):
            try observe(
                key, migration, at: at, host: host, login: login, approximateIfNew: false, approximateIfKnown: false)
        case .migrationGone(let key, let at):
            guard let row = try migrationRow(key), row.lastState != nil, !row.isNewer(than: at) else { return }
            try insertObservation(row.id, state: nil, at: at, approximate: false)
        case .importChanged(let repository, let from, let sourceImport, let at):
            try observeImport(
                repository.description, status: sourceImport.status.description, at: at, approximate: from == nil)
        case .importGone(let repository, let at):
            try observeImport(repository.description, status: nil, at: at, approximate: false)
        case .downloadFinished:
            return
        case .downloadFailed(let key, let reason, let at):
            try problem(kind: "download", message: "\(key): \(reason)", at: at)
        case .problem(let kind, let message, let at):
            try problem(kind: kind, message: message, at: at)
        }
    }

    /// A migration's row, inserted or brought up to date, and an observation when its state differs from
    /// the last one recorded.
    private func observe(
        _ key: MigrationKey, _ migration: Migration, at: Date, host: String, login: String, approximateIfNew: Bool,
        approximateIfKnown: Bool
    ) throws {
        let details = MigrationDetails(migration)
        guard let row = try migrationRow(key) else {
            try db.cachedStatement(
                sql: """
                    INSERT INTO migrations (scope, migration_id, guid, host, login, first_seen, created_at, updated_at,
                        flags, repository_count, repositories)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                key.scope.description, key.id, Bounded.text(migration.guid, 200), Bounded.text(host, 500),
                Bounded.text(login, 200), at, migration.createdAt, migration.updatedAt, details.flags,
                details.repositoryCount, details.repositories,
            ])
            try insertObservation(
                db.lastInsertedRowID, state: migration.state.rawValue, at: at, approximate: approximateIfNew)
            return
        }
        // Another process on the same journal (the dashboard and `migdash watch`) may have recorded a later
        // reading already; an older one is not news.
        guard !row.isNewer(than: at) else { return }
        let stateChanged = row.lastState != migration.state.rawValue
        if stateChanged {
            try insertObservation(row.id, state: migration.state.rawValue, at: at, approximate: approximateIfKnown)
        }
        // A reading without the repository list keeps the list already known.
        let count = details.repositoryCount ?? row.repositoryCount
        let repositories = details.repositories ?? row.repositories
        guard
            stateChanged || details.flags != row.flags || count != row.repositoryCount
                || repositories != row.repositories
        else { return }
        try db.cachedStatement(
            sql: "UPDATE migrations SET updated_at = ?, flags = ?, repository_count = ?, repositories = ? WHERE id = ?"
        ).execute(arguments: [migration.updatedAt, details.flags, count, repositories, row.id])
    }

    /// The journal's row for a migration with its last state, nil when it has none.
    private func migrationRow(_ key: MigrationKey) throws -> StoredMigration? {
        let statement = try db.cachedStatement(
            sql: """
                SELECT m.id, m.flags, m.repository_count, m.repositories, o.state, o.observed_at
                FROM migrations m
                LEFT JOIN observations o
                    ON o.id = (SELECT max(id) FROM observations WHERE migration = m.id)
                WHERE m.scope = ? AND m.migration_id = ?
                """)
        guard let row = try Row.fetchOne(statement, arguments: [key.scope.description, key.id]) else { return nil }
        return StoredMigration(
            id: row[0], flags: row[1], repositoryCount: row[2], repositories: row[3], lastState: row[4],
            lastObservedAt: row[5])
    }

    private func insertObservation(_ migration: Int64, state: String?, at: Date, approximate: Bool) throws {
        try db.cachedStatement(
            sql: "INSERT INTO observations (migration, state, observed_at, approximate) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [migration, state.map { Bounded.text($0, 100) }, at, approximate])
    }

    /// An import's status, unless it is the last one recorded for the repository. A gone import that was
    /// never recorded is not written. The import's URL is never kept: it may carry a password.
    private func observeImport(_ repository: String, status: String?, at: Date, approximate: Bool) throws {
        let repository = Bounded.text(repository, 300)
        let lastRow = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT status, observed_at FROM imports WHERE repository = ? ORDER BY id DESC LIMIT 1"),
            arguments: [repository])
        if let lastRow {
            let last: String? = lastRow[0]
            let lastAt: Date = lastRow[1]
            // The same status again, or a reading older than one another process recorded: nothing new.
            if last == status || lastAt > at { return }
        } else if status == nil {
            return
        }
        try db.cachedStatement(
            sql: "INSERT INTO imports (repository, status, observed_at, approximate) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [repository, status.map { Bounded.text($0, 100) }, at, approximate])
    }

    /// A mutating request as the client reported it; the migration's id is taken from the path.
    func mutation(_ record: MutationRecord, host: String, login: String) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO mutations (at, host, login, method, path, migration_id, body, status, request_id, failure)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            record.at, Bounded.text(host, 500), Bounded.text(login, 200), Bounded.text(record.method, 20),
            Bounded.text(record.path, 2_000), MutationPath.migrationID(record.path) ?? record.createdID,
            record.body.map { Bounded.text($0, MutationRecord.bodyLimit + 1) }, record.status,
            record.requestID.map { Bounded.text($0, 200) }, record.failure.map { Bounded.text($0, 1_000) },
        ])
    }

    /// An archive downloaded and verified.
    func download(_ key: MigrationKey, path: String, bytes: Int64, sha256: String, verifiedAt: Date) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO downloads (scope, migration_id, path, bytes, sha256, verified_at) VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            key.scope.description, key.id, Bounded.text(path, 4_096), bytes, Bounded.text(sha256, 128), verifiedAt,
        ])
    }

    /// An error worth keeping.
    func problem(kind: String, message: String, at: Date) throws {
        try db.cachedStatement(sql: "INSERT INTO problems (kind, message, at) VALUES (?, ?, ?)")
            .execute(arguments: [Bounded.text(kind, 100), Bounded.text(message, 1_000), at])
    }
}
