import DashboardCore
import Foundation
import GRDB
import Journal
import Testing

@Suite("Two processes making a new journal at once")
struct JournalOpenRaceTests {
    typealias F = JournalFixture

    /// The statements of the journal's schema, read from a journal made on the side.
    private func schemaStatements() throws -> [String] {
        let scratch = try F()
        _ = try scratch.open()
        return try scratch.inspect { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'grdb_%'
                    ORDER BY type = 'index', rowid
                    """)
        }
    }

    @Test(
        "A journal opened while another process is making its schema waits for it and uses it, no `table already exists`"
    )
    func openDuringAnotherSchema() async throws {
        let fixture = try F()
        let statements = try schemaStatements()
        // The other process, as GRDB's migrator runs on a new file: its version table made and committed,
        // then the first version's tables in a transaction of their own, not committed yet.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: fixture.url.path, configuration: configuration)
        // Threads of their own, not Swift's concurrency pool: on a loaded machine a pool thread may resume
        // later than the journal's 10 s busy timeout.
        let journal = try await withCheckedThrowingContinuation { (done: CheckedContinuation<Journal, any Error>) in
            Thread {
                do {
                    try other.writeWithoutTransaction { db in
                        try db.execute(sql: "PRAGMA journal_mode = WAL")
                        try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                        try db.execute(sql: "BEGIN IMMEDIATE")
                        for statement in statements { try db.execute(sql: statement) }
                        try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v1')")
                    }
                    // This open reads the versions (none yet, as far as it can see) and waits for the write
                    // lock; the other commits a second later. Reached late, the open finds v1 and passes anyway.
                    Thread {
                        Thread.sleep(forTimeInterval: 1)
                        try? other.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
                    }.start()
                    done.resume(returning: try Journal.open(at: fixture.url, now: F.t0))
                } catch {
                    done.resume(throwing: error)
                }
            }.start()
        }
        #expect(journal.movedAside == nil)
        try journal.record(
            [.migrationAppeared(F.key(1), F.migration(1, .exporting), alreadyThere: false, at: F.at(1))],
            host: "github.com", login: "octocat")
        #expect(try journal.history(of: F.key(1)).observations.map(\.state) == [.exporting])
        #expect(
            try fixture.inspect { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") } == ["v1"])
    }
}
