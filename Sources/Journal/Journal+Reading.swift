import DashboardCore
import Foundation
import GRDB
import GitHubMigrations

extension Journal {
    /// The most entries one read returns.
    public static let entryLimit = 100_000

    /// The latest entries of every kind, newest first: what the Activity pane shows on launch.
    public func recentEntries(limit: Int) throws(JournalError) -> [JournalEntry] {
        let query = EntryQuery(newestFirst: true, limit: min(max(0, limit), Self.entryLimit))
        return try read { db in try query.fetch(db) }
    }

    /// The audit trail, oldest first: every entry since `since` (all when nil), or only those about the
    /// migration `migration` (its observed states, the requests about it and its downloads).
    public func log(since: Date?, migration: Int64?) throws(JournalError) -> [JournalEntry] {
        let query = EntryQuery(since: since, migrationID: migration, newestFirst: false, limit: Self.entryLimit)
        return try read { db in try query.fetch(db) }
    }

    /// One migration's history: its states observed with their times, and the actions taken on it.
    public func history(of key: MigrationKey) throws(JournalError) -> MigrationHistory {
        try read { db in try HistoryQuery(key: key).fetch(db) }
    }

    /// For each migration ever seen exported, the first time migdash saw it so: where the seven days
    /// before GitHub deletes the archive are counted from, across restarts.
    public func firstSeenExported() throws(JournalError) -> [MigrationKey: Date] {
        let sql = """
            SELECT m.scope, m.migration_id, MIN(o.observed_at)
            FROM observations o JOIN migrations m ON m.id = o.migration
            WHERE o.state = 'exported' GROUP BY o.migration
            """
        return try read { db in
            var firstSeen: [MigrationKey: Date] = [:]
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() {
                firstSeen[MigrationKey(scope: MigrationScope(description: row[0]), id: row[1])] = row[2]
            }
            return firstSeen
        }
    }

    /// The latest finished exports whose repository count is known, newest first: what an estimate for an
    /// exporting migration of a similar size is made from.
    public func exportDurations(limit: Int) throws(JournalError) -> [ExportDuration] {
        let sql = """
            SELECT m.scope, m.migration_id, MIN(o.observed_at) AS exported_at
            FROM observations o JOIN migrations m ON m.id = o.migration
            WHERE o.state = 'exported' AND m.repository_count IS NOT NULL
            GROUP BY o.migration ORDER BY exported_at DESC LIMIT ?
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: [min(max(0, limit), Self.entryLimit)]).compactMap { row in
                let key = MigrationKey(scope: MigrationScope(description: row[0]), id: row[1])
                let exportedAt: Date = row[2]
                return try HistoryQuery(key: key).fetch(db, withActions: false).exportDuration(now: exportedAt)
            }
        }
    }
}
