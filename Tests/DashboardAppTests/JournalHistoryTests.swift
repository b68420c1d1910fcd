import DashboardCore
import Foundation
import GitHubMigrations
import Testing

@testable import DashboardApp

@Suite("The effect runner reads a migration's history and export times from a real journal")
struct JournalHistoryTests {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    static let key = MigrationKey(scope: .organization("octo-org"), id: 1042)

    static func migration(_ state: MigrationState) -> Migration {
        Migration(
            id: 1042, guid: "guid-1042", state: state, createdAt: t0.addingTimeInterval(-60),
            updatedAt: t0.addingTimeInterval(-60),
            repositories: [SimpleRepository(id: 1, name: "website", fullName: "octo-org/website")],
            lockRepositories: true)
    }

    /// A runner whose client is never used (nothing here goes to GitHub), keeping `choice`.
    private func runner(_ choice: JournalChoice) -> EffectRunner {
        let client = GitHubClient(
            configuration: ClientConfiguration(baseURL: "http://127.0.0.1:9/api/v3", token: "t"))
        return EffectRunner(
            client: client, inbox: EventInbox(), downloadDirectory: FileManager.default.temporaryDirectory,
            recorder: JournalRecorder(choice, host: "github.com"))
    }

    @Test(
        "After a restart: the snapshot carries export times and exact samples; Enter's history has states and requests")
    func historyAfterRestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migdash-hist-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("journal.sqlite")

        // An earlier run watched 1042 from pending to exported and deleted its archive.
        let earlier = JournalRecorder(.file(url), host: "github.com")
        _ = earlier.open(login: "octocat", now: Self.t0)
        earlier.record([
            .migrationAppeared(Self.key, Self.migration(.pending), alreadyThere: false, at: Self.t0),
            .migrationChanged(Self.key, from: .pending, Self.migration(.exported), at: Self.t0.addingTimeInterval(90)),
        ])
        earlier.flush()
        earlier.record(
            MutationRecord(
                at: Self.t0.addingTimeInterval(120), method: "DELETE", path: "/orgs/octo-org/migrations/1042/archive",
                body: nil, status: 204, requestID: "0400:1B2C", failure: nil))

        let runner = runner(.file(url))
        #expect(runner.loadHistory(Self.key).history == .unavailable("the journal is not open"))
        let opened = runner.openJournal(login: "octocat").compactMap { event -> JournalSnapshot? in
            if case .journalOpened(let snapshot) = event { return snapshot }
            return nil
        }
        #expect(
            opened.first?.exportTimings[Self.key]
                == ExportTiming(start: Self.t0, startApproximate: false, end: Self.t0.addingTimeInterval(90)))
        #expect(opened.first?.exportSamples == [ExportSample(repositories: 1, seconds: 90)])

        guard case .loaded(let lines, let omitted)? = runner.loadHistory(Self.key).history else {
            Issue.record("no history")
            await runner.shutdown()
            return
        }
        #expect(omitted == 0)
        #expect(lines.map(\.text).prefix(2) == ["pending", "exported"])
        #expect(lines.map(\.kind) == [.state, .state, .request])
        #expect(lines.last?.text.contains("204, request 0400:1B2C") == true)
        await runner.shutdown()
    }

    @Test("Without a journal the details say so instead of loading forever")
    func noJournal() async {
        let runner = runner(.off)
        #expect(runner.loadHistory(Self.key).history == .unavailable("no journal is kept"))
        await runner.shutdown()
    }
}

extension Event {
    /// The history a `historyLoaded` event carries.
    fileprivate var history: HistoryLoad? {
        if case .historyLoaded(_, let load) = self { return load }
        return nil
    }
}
