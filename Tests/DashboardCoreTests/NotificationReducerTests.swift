import DashboardCore
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@Suite("Notifications: off by default, on with the setting, one per two seconds however much finishes")
struct NotificationReducerTests {
    let now = StateFixture.now
    let key = MigrationKey(scope: StateFixture.org, id: 1042)

    /// The notifications among effects.
    private func notifications(_ effects: [Effect]) -> [Effect] {
        effects.filter {
            if case .notify = $0 { return true }
            return false
        }
    }

    /// The org's list with 1042 exported.
    private func exported() -> Event {
        var changed = StateFixture.orgMigrations
        changed[0].state = .exported
        return .onlyPage(StateFixture.org, changed, at: now.addingTimeInterval(5))
    }

    @Test("off by default: an export rings the bell and sends no notification")
    func offByDefault() {
        var state = StateFixture.populated()
        #expect(state.session.notifications == nil)
        let effects = Reducer.reduce(&state, exported())
        #expect(effects.contains(.bell))
        #expect(notifications(effects + Reducer.reduce(&state, .tick(now.addingTimeInterval(5)))).isEmpty)
    }

    @Test("on: the export is one notification at the turn's closing tick, with its own words")
    func one() {
        var state = StateFixture.populated()
        state.session.notifications = .both
        let effects = Reducer.reduce(&state, exported())
        #expect(effects.contains(.bell))
        #expect(notifications(effects).isEmpty, "held for the tick")
        let tick = Reducer.reduce(&state, .tick(now.addingTimeInterval(5)))
        #expect(
            notifications(tick) == [
                .notify(title: "migdash · github.com", body: "migration octo-org #1042 exported", via: .both)
            ])
        #expect(notifications(Reducer.reduce(&state, .tick(now.addingTimeInterval(6)))).isEmpty, "sent once")
    }

    @Test("with the bell off a notification still goes; a failure and a chosen sequence")
    func bellOff() {
        var state = StateFixture.populated()
        state.session.bell = false
        state.session.notifications = .osc9
        var changed = StateFixture.orgMigrations
        changed[0].state = .failed
        let effects = Reducer.reduce(&state, .onlyPage(StateFixture.org, changed, at: now))
        #expect(!effects.contains(.bell))
        #expect(notifications(Reducer.reduce(&state, .tick(now))).isEmpty, "held for others to join it")
        #expect(
            notifications(Reducer.reduce(&state, .tick(now.addingTimeInterval(AlertTally.window)))) == [
                .notify(title: "migdash · github.com", body: "migration octo-org #1042 failed", via: .osc9)
            ])
    }

    @Test("99 exports, a download finished and one failed in one turn: one notification counting each kind")
    func coalesced() {
        var state = StateFixture.populated()
        state.session.notifications = .osc777
        let many = (0..<99).map { index in
            StateFixture.migration(5000 + Int64(index), .exporting, created: -60, repos: ["octo-org/r\(index)"])
        }
        _ = Reducer.reduce(&state, .onlyPage(StateFixture.org, many, at: now))
        #expect(notifications(Reducer.reduce(&state, .tick(now))).isEmpty, "appearing is not finishing")
        let later = now.addingTimeInterval(5)
        let done = many.map { migration -> Migration in
            var copy = migration
            copy.state = .exported
            copy.updatedAt = later
            return copy
        }
        // Both downloads were running: only a running one finishes or fails (a cancelled one says nothing).
        let other = MigrationKey(scope: .user, id: 1041)
        state.downloads[other] = DownloadState(started: now)
        state.downloads[key] = DownloadState(started: now)
        var effects = Reducer.reduce(&state, .onlyPage(StateFixture.org, done, at: later))
        effects += Reducer.reduce(&state, .downloadFinished(other, path: "/srv/a.tar.gz", at: later))
        effects += Reducer.reduce(
            &state, .downloadFailed(key, ArchiveDownloadError(.diskFull, "12 MB short"), at: later))
        #expect(notifications(effects).isEmpty)
        let tick = Reducer.reduce(&state, .tick(later))
        #expect(
            notifications(tick) == [
                .notify(
                    title: "migdash · github.com",
                    body: "99 migrations exported, 1 archive downloaded, 1 download failed", via: .osc777)
            ])
    }

    @Test("imports: complete and needs attention notify; the next turn starts afresh")
    func imports() {
        var state = StateFixture.populated()
        state.session.notifications = .both
        let legacy = RepositoryName(owner: "octocat", name: "legacy")
        let other = RepositoryName(owner: "octocat", name: "other")
        _ = Reducer.reduce(&state, .importsDiscovered([legacy, other]))
        for repo in [legacy, other] {
            _ = Reducer.reduce(
                &state, .importLoaded(repo, StateFixture.sourceImport("importing", percent: 40), at: now))
        }
        _ = Reducer.reduce(&state, .tick(now))
        _ = Reducer.reduce(&state, .importLoaded(legacy, StateFixture.sourceImport("complete", percent: 100), at: now))
        let later = now.addingTimeInterval(AlertTally.window)
        #expect(
            notifications(Reducer.reduce(&state, .tick(later))).map(\.body) == ["import octocat/legacy complete"])
        _ = Reducer.reduce(&state, .importLoaded(other, StateFixture.sourceImport("error", percent: 40), at: later))
        #expect(
            notifications(Reducer.reduce(&state, .tick(later.addingTimeInterval(AlertTally.window)))).map(\.body) == [
                "import octocat/other needs attention: error"
            ])
    }

    @Test("lists answering in turns a second apart make one notification; the loop wakes when its window ends")
    func acrossTurns() {
        var state = StateFixture.populated()
        state.session.notifications = .both
        var org = StateFixture.orgMigrations
        org[0].state = .exported
        _ = Reducer.reduce(&state, .onlyPage(StateFixture.org, org, at: now))
        #expect(notifications(Reducer.reduce(&state, .tick(now))).isEmpty)
        #expect(abs(state.secondsUntilDue(at: now) - AlertTally.window) < 0.01)
        var user = StateFixture.userMigrations
        user[0].state = .failed
        _ = Reducer.reduce(&state, .onlyPage(.user, user, at: now.addingTimeInterval(1)))
        #expect(notifications(Reducer.reduce(&state, .tick(now.addingTimeInterval(1)))).isEmpty)
        let sent = notifications(Reducer.reduce(&state, .tick(now.addingTimeInterval(2))))
        #expect(
            sent == [
                .notify(title: "migdash · github.com", body: "1 migration exported, 1 migration failed", via: .both)
            ])
        #expect(notifications(Reducer.reduce(&state, .tick(now.addingTimeInterval(5)))).isEmpty, "sent once")
    }

    @Test("a rate-limited download waits in line: nothing finished, nothing to say")
    func rateLimitedDownload() {
        var state = StateFixture.populated()
        state.session.notifications = .both
        state.downloads[key] = DownloadState(started: now)
        let limited = GitHubError(kind: .rateLimited, message: "API rate limit exceeded", request: "GET")
        let effects = Reducer.reduce(
            &state, .downloadFailed(key, .api(limited), at: now))
        #expect(!effects.contains(.bell))
        #expect(notifications(Reducer.reduce(&state, .tick(now))).isEmpty)
        #expect(state.downloadQueue.first == key, "back in line, first")
    }
}

extension Effect {
    /// A notification's body, for comparisons; nil for any other effect.
    fileprivate var body: String? {
        if case .notify(_, let body, _) = self { return body }
        return nil
    }
}
