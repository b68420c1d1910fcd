import DashboardCore
import Foundation
import GRDB
import GitHubMigrations
import Journal
import Testing

@Suite("Several writers on one journal at once")
struct JournalConcurrencyTests {
    typealias F = JournalFixture

    @Test("Two journals on one file, on two threads: every write kept, none refused as locked")
    func twoThreads() async throws {
        let fixture = try F()
        let url = fixture.url
        _ = try fixture.open()
        let perWriter = 300
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in ["dashboard", "watch"] {
                group.addTask {
                    // A thread of its own each, as two processes would be.
                    try await ThreadRun.run {
                        let journal = try Journal.open(at: url, now: F.t0)
                        for number in 1...perWriter {
                            try journal.record(
                                [
                                    .migrationAppeared(
                                        F.key(Int64(number), writer), F.migration(Int64(number), .pending),
                                        alreadyThere: false, at: F.at(Double(number)))
                                ], host: "github.com", login: writer)
                            try journal.record(
                                MutationRecord(
                                    at: F.at(Double(number)), method: "DELETE",
                                    path: "/orgs/\(writer)/migrations/\(number)/archive", body: nil, status: 204,
                                    requestID: "\(writer)-\(number)", failure: nil), host: "github.com", login: writer)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let journal = try fixture.open()
        let ids = Set(try journal.log(since: nil, migration: nil).compactMap(\.mutation?.requestID))
        #expect(ids.count == 2 * perWriter)
        #expect(try journal.log(since: nil, migration: nil).filter { $0.kind == .observation }.count == 2 * perWriter)
    }

    @Test("Python's sqlite3 writing the same file in another process while this one writes: nothing lost")
    func anotherProcess() async throws {
        let fixture = try F()
        let journal = try fixture.open()
        let count = 300
        let writer = try JournalWriterProcess(path: fixture.url.path, tag: "python", count: count)
        try await writer.waitForReady()
        for number in 1...count {
            try journal.record(
                MutationRecord(
                    at: Date(), method: "DELETE", path: "/orgs/swift/migrations/\(number)/archive", body: nil,
                    status: 204, requestID: "swift-\(number)", failure: nil), host: "github.com", login: "swift")
        }
        let outcome = await writer.launched.outcome()
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        #expect(!outcome.errorOutput.contains("locked"))
        let ids = Set(try journal.log(since: nil, migration: nil).compactMap(\.mutation?.requestID))
        #expect(ids.count == 2 * count)
        #expect(ids.contains("python-\(count)") && ids.contains("swift-\(count)"))
        #expect(try journal.history(of: F.key(Int64(count), "python")).observations.map(\.state) == [.pending])
    }
}
