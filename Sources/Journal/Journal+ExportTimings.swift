import DashboardCore
import Foundation
import GRDB
import GitHubMigrations

extension Journal {
    /// For every migration recorded (at most `entryLimit`, the latest first seen), when its export started
    /// and first showed exported, measured as `ExportDuration` measures it: what the dashboard shows as
    /// each migration's export time after a restart. One query, not one per migration.
    public func exportTimings() throws(JournalError) -> [MigrationKey: ExportTiming] {
        let sql = """
            SELECT m.scope, m.migration_id, m.created_at, f.observed_at, f.approximate, e.observed_at, e.approximate
            FROM migrations m
            JOIN observations f ON f.id = (SELECT min(id) FROM observations WHERE migration = m.id)
            LEFT JOIN observations e
                ON e.id = (SELECT min(id) FROM observations WHERE migration = m.id AND state = 'exported')
            ORDER BY m.id DESC LIMIT ?
            """
        return try read { db in
            var timings: [MigrationKey: ExportTiming] = [:]
            let rows = try Row.fetchCursor(db, sql: sql, arguments: [Self.entryLimit])
            while let row = try rows.next() {
                let key = MigrationKey(scope: MigrationScope(description: row[0]), id: row[1])
                let createdAt: Date? = row[2]
                let firstAt: Date = row[3]
                let firstApproximate: Bool = row[4]
                // Seen appearing while watched: our own time; else GitHub's creation time when we have it.
                var timing = ExportTiming(
                    start: firstApproximate ? (createdAt ?? firstAt) : firstAt,
                    startApproximate: firstApproximate && createdAt == nil)
                if let end: Date = row[5] {
                    timing.end = end
                    timing.endApproximate = row[6]
                }
                timings[key] = timing
            }
            return timings
        }
    }
}
