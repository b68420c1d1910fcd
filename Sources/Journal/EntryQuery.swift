import DashboardCore
import Foundation
import GRDB
import GitHubMigrations

/// Reads entries of every kind from their tables, each through its time or migration index, and merges
/// them in time order.
struct EntryQuery {
    /// Entries at or after this time only.
    var since: Date?
    /// Entries about this migration only (observations, mutations, downloads).
    var migrationID: Int64?
    /// Newest first (the Activity pane) or oldest first (the audit trail).
    var newestFirst: Bool
    /// The most entries returned; nil for all.
    var limit: Int?

    /// The entries, merged across tables.
    func fetch(_ db: Database) throws -> [JournalEntry] {
        var entries = try observations(db) + mutations(db) + downloads(db)
        if migrationID == nil { entries += try imports(db) + problems(db) }
        // A stable sort keeps each table's own order among entries of the same instant.
        let ordered = entries.enumerated().sorted { left, right in
            if left.element.at != right.element.at {
                return newestFirst ? left.element.at > right.element.at : left.element.at < right.element.at
            }
            return left.offset < right.offset
        }.map(\.element)
        return limit.map { Array(ordered.prefix($0)) } ?? ordered
    }

    /// `WHERE …`, `ORDER BY …` and `LIMIT …` for a table, with their arguments.
    private func clauses(time: String, migration: String?) -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let since {
            conditions.append("\(time) >= ?")
            arguments += [since]
        }
        if let migrationID, let migration {
            conditions.append("\(migration) = ?")
            arguments += [migrationID]
        }
        var sql = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        sql += " ORDER BY \(time) \(newestFirst ? "DESC" : "ASC")"
        if let limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        return (sql, arguments)
    }

    private func observations(_ db: Database) throws -> [JournalEntry] {
        let (tail, arguments) = clauses(time: "o.observed_at", migration: "m.migration_id")
        let sql = """
            SELECT o.observed_at, o.state, o.approximate, m.scope, m.migration_id
            FROM observations o JOIN migrations m ON m.id = o.migration
            """
        return try Row.fetchAll(db, sql: sql + tail, arguments: arguments).map { row in
            let key = MigrationKey(scope: MigrationScope(description: row[3]), id: row[4])
            return JournalEntry(
                at: row[0], kind: .observation, text: EntryText.observation(key, state: row[1], approximate: row[2]),
                migrationID: key.id)
        }
    }

    private func mutations(_ db: Database) throws -> [JournalEntry] {
        let (tail, arguments) = clauses(time: "at", migration: "migration_id")
        let sql = "SELECT at, host, login, method, path, migration_id, body, status, request_id, failure FROM mutations"
        return try Row.fetchAll(db, sql: sql + tail, arguments: arguments).map(Self.mutation)
    }

    /// A mutation's row as an entry.
    static func mutation(_ row: Row) -> JournalEntry {
        let record = MutationRecord(
            at: row[0], method: row[3], path: row[4], body: row[6], status: row[7], requestID: row[8], failure: row[9])
        let login: String = row[2]
        return JournalEntry(
            at: record.at, kind: .mutation, text: EntryText.mutation(record, login: login), migrationID: row[5],
            mutation: record, host: row[1], login: login)
    }

    private func downloads(_ db: Database) throws -> [JournalEntry] {
        let (tail, arguments) = clauses(time: "verified_at", migration: "migration_id")
        let sql = "SELECT verified_at, scope, migration_id, path, bytes, sha256 FROM downloads"
        return try Row.fetchAll(db, sql: sql + tail, arguments: arguments).map(Self.download)
    }

    /// A download's row as an entry.
    static func download(_ row: Row) -> JournalEntry {
        let key = MigrationKey(scope: MigrationScope(description: row[1]), id: row[2])
        return JournalEntry(
            at: row[0], kind: .download, text: EntryText.download(key, path: row[3], bytes: row[4], sha256: row[5]),
            migrationID: key.id)
    }

    private func imports(_ db: Database) throws -> [JournalEntry] {
        let (tail, arguments) = clauses(time: "observed_at", migration: nil)
        return try Row.fetchAll(
            db, sql: "SELECT observed_at, repository, status FROM imports" + tail, arguments: arguments
        )
        .map { row in
            JournalEntry(at: row[0], kind: .importStatus, text: EntryText.importStatus(row[1], status: row[2]))
        }
    }

    private func problems(_ db: Database) throws -> [JournalEntry] {
        let (tail, arguments) = clauses(time: "at", migration: nil)
        return try Row.fetchAll(db, sql: "SELECT at, kind, message FROM problems" + tail, arguments: arguments).map {
            row in
            JournalEntry(at: row[0], kind: .problem, text: EntryText.problem(kind: row[1], message: row[2]))
        }
    }
}
