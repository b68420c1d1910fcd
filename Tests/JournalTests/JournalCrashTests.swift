import Foundation
import GRDB
import Journal
import TestSupport
import Testing

@Suite("A writer killed in the middle of its writes")
struct JournalCrashTests {
    typealias F = JournalFixture

    @Test("kill -9 mid-write: the journal opens, passes integrity_check and holds every committed row")
    func killedWriter() async throws {
        let fixture = try F()
        _ = try fixture.open()
        let writer = try JournalWriterProcess(path: fixture.url.path, tag: "crash", count: 0)
        try await writer.waitForReady()
        try await Polling.until("500 commits", timeout: .seconds(60)) { writer.committed().count >= 500 }
        #expect(kill(writer.launched.processID, SIGKILL) == 0)
        let outcome = await writer.launched.outcome()
        #expect(outcome.status == 128 + SIGKILL || outcome.status == SIGKILL, "status \(outcome.status)")
        let committed = writer.committed()
        // The kill came while the writer was still writing: WAL frames beyond the last commit may be there.
        #expect(FileManager.default.fileExists(atPath: fixture.url.path + "-wal"))

        let journal = try fixture.open()
        #expect(journal.movedAside == nil)
        #expect(try fixture.inspect { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
        // Straight from the table: `log` returns at most `Journal.entryLimit` entries, and a writer that ran
        // ahead of a slow poll (a loaded machine) commits more than that before the kill.
        let ids = Set(try fixture.inspect { try String.fetchAll($0, sql: "SELECT request_id FROM mutations") })
        let missing = committed.filter { !ids.contains("crash-\($0)") }
        #expect(missing.isEmpty, "committed but lost: \(missing.prefix(10))")
        #expect(committed.count >= 500)
        // Each transaction is whole: as many migrations and observations as mutations.
        let counts = try fixture.inspect { db in
            try ["migrations", "observations", "mutations"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
            }
        }
        #expect(Set(counts).count == 1, "\(counts)")
        #expect((counts.first ?? 0) >= committed.count)
        // And it takes new writes.
        try journal.recordProblem("crash", "after the kill", at: Date())
        #expect(try journal.recentEntries(limit: 1).first?.text == "crash: after the kill")
    }
}
