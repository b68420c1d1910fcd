import DashboardCore
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@testable import migdash

@Suite("What migdash wait concludes from the core's state")
struct WaitVerdictTests {
    let now = Date(timeIntervalSince1970: 1_795_356_130)
    let org = MigrationScope.organization("octo-org")

    private func keys(_ ids: Int64...) -> [MigrationKey] { ids.map { MigrationKey(scope: org, id: $0) } }

    /// A connected core following `keys` by id, as `migdash wait` runs it.
    private func following(_ keys: [MigrationKey]) -> DashboardState {
        let session = SessionInfo(host: "github.com", autoDownload: true).following(keys)
        #expect(!session.autoDownload, "a wait never downloads, whatever the configuration says")
        var state = DashboardState(now: now, size: Size(width: 80, height: 24), session: session)
        _ = Reducer.start(&state)
        let effects = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org"], at: now))
        #expect(!effects.contains { if case .discoverImports = $0 { true } else { false } }, "no import probing")
        return state
    }

    private func migration(_ id: Int64, _ state: MigrationState) -> Migration {
        Migration(
            id: id, guid: "guid-\(id)", state: state, createdAt: now, updatedAt: now, repositories: [],
            lockRepositories: false)
    }

    @Test("Each followed migration gets its own GET at once, and the verdict waits until all are finished")
    func followsByID() {
        let followed = keys(1, 2)
        var state = following(followed)
        #expect(
            state.poll.targets.contains(.migration(followed[0])) && state.poll.targets.contains(.migration(followed[1]))
        )
        #expect(!state.poll.targets.contains { if case .page = $0 { true } else { false } }, "no list is read")
        #expect(WaitVerdict(state, followed, limit: nil) == nil)
        _ = Reducer.reduce(&state, .migrationLoaded(followed[0], migration(1, .exported), at: now))
        _ = Reducer.reduce(&state, .migrationLoaded(followed[1], migration(2, .exporting), at: now))
        #expect(WaitVerdict(state, followed, limit: nil) == nil)
        #expect(!state.poll.targets.contains(.migration(followed[0])), "a finished migration is not asked again")
        _ = Reducer.reduce(&state, .migrationLoaded(followed[1], migration(2, .failed), at: now))
        #expect(WaitVerdict(state, followed, limit: nil) == .finished)
    }

    @Test("A 404 ends the wait with 4; an outage after the first answer is waited out; --timeout ends it")
    func failures() {
        let followed = keys(1)
        var state = following(followed)
        let gone = GitHubError(kind: .notFound, status: 404, message: "Not Found", request: "GET 1")
        var missing = state
        _ = Reducer.reduce(&missing, .requestFailed(.loadMigration(followed[0]), gone, at: now))
        #expect(WaitVerdict(missing, followed, limit: nil) == .stopped(id: 1, status: 4, line: gone.userMessage))

        _ = Reducer.reduce(&state, .migrationLoaded(followed[0], migration(1, .exporting), at: now))
        let offline = GitHubError(kind: .offline, message: "connection refused", request: "GET 1")
        _ = Reducer.reduce(&state, .requestFailed(.loadMigration(followed[0]), offline, at: now))
        #expect(WaitVerdict(state, followed, limit: now.addingTimeInterval(60)) == nil)
        _ = Reducer.reduce(&state, .tick(now.addingTimeInterval(61)))
        #expect(WaitVerdict(state, followed, limit: now.addingTimeInterval(60)) == .timedOut([1]))
    }

    @Test("No answer at all before the first one (a wrong address) ends the wait with 6")
    func unreachableAtStart() {
        var session = SessionInfo(host: "github.com")
        session.followed = keys(1)
        var state = DashboardState(now: now, size: Size(width: 80, height: 24), session: session)
        _ = Reducer.start(&state)
        let refused = GitHubError(kind: .offline, message: "connection refused", request: "GET /user")
        _ = Reducer.reduce(&state, .requestFailed(.connect, refused, at: now))
        #expect(WaitVerdict(state, keys(1), limit: nil) == .stopped(id: nil, status: 6, line: refused.userMessage))
    }
}
