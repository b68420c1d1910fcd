import DashboardCore
import Foundation
import GRDB
import GitHubMigrations

/// Reads one migration's row, observations and actions.
struct HistoryQuery {
    /// The migration.
    var key: MigrationKey

    /// The history; empty (first seen nil) for a migration the journal never saw.
    func fetch(_ db: Database, withActions: Bool = true) throws -> MigrationHistory {
        var history = MigrationHistory(
            key: key, firstSeen: nil, createdAt: nil, flags: [], repositories: [], repositoryCount: nil,
            observations: [], actions: [])
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id, first_seen, created_at, flags, repository_count, repositories
                    FROM migrations WHERE scope = ? AND migration_id = ?
                    """),
            arguments: [key.scope.description, key.id])
        if let row {
            let id: Int64 = row[0]
            history.firstSeen = row[1]
            history.createdAt = row[2]
            history.flags = (row[3] as String).split(separator: ",").map(String.init)
            history.repositoryCount = row[4]
            history.repositories = (row[5] as String?)?.split(separator: "\n").map(String.init) ?? []
            history.observations = try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT state, observed_at, approximate FROM observations WHERE migration = ? ORDER BY id"),
                arguments: [id]
            ).map { row in
                StateObservation(
                    state: (row[0] as String?).map(MigrationState.init(rawValue:)), at: row[1], approximate: row[2])
            }
        }
        guard withActions else { return history }
        let mutations = try Row.fetchAll(
            db,
            sql: """
                SELECT at, host, login, method, path, migration_id, body, status, request_id, failure
                FROM mutations WHERE migration_id = ? ORDER BY at, id
                """, arguments: [key.id]
        ).map(EntryQuery.mutation)
        let downloads = try Row.fetchAll(
            db,
            sql: """
                SELECT verified_at, scope, migration_id, path, bytes, sha256
                FROM downloads WHERE migration_id = ? AND scope = ? ORDER BY verified_at, id
                """, arguments: [key.id, key.scope.description]
        ).map(EntryQuery.download)
        history.actions = (mutations + downloads).enumerated().sorted {
            $0.element.at != $1.element.at ? $0.element.at < $1.element.at : $0.offset < $1.offset
        }.map(\.element)
        return history
    }
}
