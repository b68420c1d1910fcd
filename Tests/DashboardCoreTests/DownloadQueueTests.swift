import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

/// Downloads go through a queue with a concurrency limit; auto-download starts only what finishes
/// while migdash watches and asks once about the rest.
@Suite("The download queue and auto-download")
struct DownloadQueueTests {
    let now = StateFixture.now
    let org = StateFixture.org

    /// 300 exported migrations of octo-org, as an administrator with history has, and one exporting.
    private func history() -> [Migration] {
        let old = (0..<300).map { index in
            StateFixture.migration(
                5_000 + Int64(index), .exported, created: -3_600 - Double(index) * 60, repos: ["octo-org/r\(index)"])
        }
        return [StateFixture.migration(4_999, .exporting, created: -60, repos: ["octo-org/new"])] + old
    }

    private func launch(autoDownload: Bool, concurrency: Int = 2) -> (DashboardState, [Effect]) {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40),
            session: SessionInfo(host: "github.com", autoDownload: autoDownload, downloadConcurrency: concurrency))
        var effects = Reducer.start(&state)
        effects += Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org"], at: now))
        effects += Reducer.reduce(&state, .onlyPage(.user, [], at: now))
        effects += Reducer.readWholeList(&state, org, history(), at: now)
        return (state, effects)
    }

    private func downloads(_ effects: [Effect]) -> [MigrationKey] {
        effects.compactMap { effect in
            guard case .download(let key, _) = effect else { return nil }
            return key
        }
    }

    @Test("auto-download does not start the backlog: 300 old archives start nothing and ask once")
    func backlogIsAsked() throws {
        var (state, effects) = launch(autoDownload: true)
        #expect(downloads(effects).isEmpty, "the backlog must not start by itself")
        guard case .confirm(let question) = state.overlay else { throw Failure("no question about the backlog") }
        #expect(question.question == "Download 300 archives exported before migdash started?")
        _ = Reducer.reduce(&state, .drawn)
        _ = Reducer.reduce(&state, .key(.character("n")))
        #expect(state.overlay == nil)
        // Later polls never ask again.
        effects = Reducer.readWholeList(&state, org, history(), at: now.addingTimeInterval(3))
        #expect(state.overlay == nil && downloads(effects).isEmpty)
    }

    @Test("the backlog is asked about at once when the last scope to answer is an organization dropped as not owned")
    func backlogAfterDroppedOrganization() throws {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40),
            session: SessionInfo(host: "github.com", autoDownload: true, downloadConcurrency: 2))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org", "other-org"], at: now))
        _ = Reducer.reduce(&state, .onlyPage(.user, [], at: now))
        Reducer.readWholeList(&state, org, history(), at: now)
        #expect(state.overlay == nil, "other-org has not answered yet")
        let notOwner = GitHubError(kind: .notFound, status: 404, message: "Not Found", request: "GET /orgs/other-org")
        _ = Reducer.reduce(&state, .requestFailed(.loadFirstPage(.organization("other-org")), notOwner, at: now))
        guard case .confirm(let question) = state.overlay else {
            throw Failure("no question once other-org was dropped")
        }
        #expect(question.question == "Download 300 archives exported before migdash started?")
    }

    @Test("y to the backlog queues all of it and runs two at a time")
    func backlogQueued() throws {
        var (state, _) = launch(autoDownload: true)
        _ = Reducer.reduce(&state, .drawn)
        let started = downloads(Reducer.reduce(&state, .key(.character("y"))))
        #expect(started.count == 2)
        #expect(state.downloads.count == 2 && state.downloadQueue.count == 298)
        let finished = Reducer.reduce(&state, .downloadFinished(started[0], path: "/tmp/a.tar.gz", at: now))
        #expect(downloads(finished).count == 1, "a finished download makes room for the next")
        #expect(state.downloads.count == 2)
    }

    @Test("a migration that reaches exported while watched is downloaded by itself, through the queue")
    func newlyExported() {
        var (state, _) = launch(autoDownload: true)
        _ = Reducer.reduce(&state, .drawn)
        _ = Reducer.reduce(&state, .key(.character("n")))
        var list = history()
        list[0].state = .exported
        let effects = Reducer.readWholeList(&state, org, list, at: now.addingTimeInterval(3))
        #expect(downloads(effects) == [MigrationKey(scope: org, id: 4_999)])
    }

    @Test("d on more archives than the limit queues them, and the row says queued")
    func manualQueue() {
        var (state, _) = launch(autoDownload: false, concurrency: 1)
        var started: [MigrationKey] = []
        for _ in 0..<3 {
            _ = Reducer.reduce(&state, .key(.character("j")))
            started += downloads(Reducer.reduce(&state, .key(.character("d"))))
        }
        #expect(started.count == 1)
        #expect(state.downloadQueue.count == 2)
        let key = state.downloadQueue[0]
        #expect(MigrationRow(key, state.migrations[key]!, in: state).archive.hasPrefix("queued"))
        #expect(state.notice?.text.hasPrefix("queued") == true)
    }

    @Test("d while the rate limit is spent waits for the reset instead of failing")
    func downloadWaitsForReset() {
        var (state, _) = launch(autoDownload: false)
        let reset = now.addingTimeInterval(600)
        let spent = GitHubError(kind: .rateLimited, message: "spent", retryAt: reset, request: "GET /user/migrations")
        let time = now.addingTimeInterval(3)
        for effect in Reducer.reduce(&state, .tick(time)) {
            _ = Reducer.reduce(&state, .requestFailed(effect, spent, at: time))
        }
        _ = Reducer.reduce(&state, .key(.character("j")))
        #expect(downloads(Reducer.reduce(&state, .key(.character("d")))).isEmpty)
        #expect(state.notice?.text.contains("when the rate limit resets") == true)
        #expect(!state.activity.contains { $0.kind == .error && $0.text.contains("download") })
        let resumed = downloads(Reducer.reduce(&state, .tick(reset.addingTimeInterval(1))))
        #expect(resumed.count == 1)
    }

    @Test("a download stopped by the rate limit goes back in line and resumes at the reset")
    func rateLimitedDownloadRequeued() {
        var (state, _) = launch(autoDownload: false)
        _ = Reducer.reduce(&state, .key(.character("j")))
        let key = downloads(Reducer.reduce(&state, .key(.character("d"))))[0]
        let reset = now.addingTimeInterval(120)
        let spent = GitHubError(kind: .rateLimited, message: "spent", retryAt: reset, request: "GET /archive")
        let error = ArchiveDownloadError(.api, "rate limited", apiError: spent)
        _ = Reducer.reduce(&state, .downloadFailed(key, error, at: now))
        #expect(state.downloadQueue == [key])
        #expect(
            Reducer.reduce(&state, .tick(now.addingTimeInterval(60))).allSatisfy { effect in
                if case .download = effect { return false }
                return true
            })
        #expect(downloads(Reducer.reduce(&state, .tick(reset))) == [key])
    }

    @Test("the delete confirmation warns about a download that is running")
    func deleteWhileDownloading() throws {
        var (state, _) = launch(autoDownload: false)
        _ = Reducer.reduce(&state, .key(.character("j")))
        let key = downloads(Reducer.reduce(&state, .key(.character("d"))))[0]
        _ = Reducer.reduce(&state, .downloadProgress(key, received: 400, total: 1_000, at: now))
        _ = Reducer.reduce(&state, .key(.character("x")))
        guard case .confirm(let question) = state.overlay else { throw Failure("no confirmation") }
        #expect(
            question.consequence.contains("is downloading (40%); that download will then fail"),
            "\(question.consequence)")
    }
}
