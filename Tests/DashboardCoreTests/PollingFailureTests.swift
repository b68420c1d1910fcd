import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

/// How polling lives with failures: each scope backs off alone, a refused token stops everything until
/// `r`, a spent limit waits for the reset, and the status bar always says what is going on.
@Suite("Polling through failures")
struct PollingFailureTests {
    let now = StateFixture.now
    let org = StateFixture.org
    let forbidden = GitHubError(
        kind: .forbidden, status: 403, message: "Resource protected by organization SAML enforcement",
        request: "GET /orgs/octo-org/migrations")

    /// A dashboard watching octo-org and other-org, both answered once.
    private func twoOrgs() -> DashboardState {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org", "other-org"], at: now))
        _ = Reducer.reduce(&state, .onlyPage(.user, StateFixture.userMigrations, at: now))
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations, at: now))
        let other = [StateFixture.migration(2001, .exporting, created: -60, repos: ["other-org/site"])]
        _ = Reducer.reduce(&state, .onlyPage(.organization("other-org"), other, at: now))
        _ = Reducer.reduce(&state, .importsDiscovered([]))
        return state
    }

    /// Runs ticks one second apart from `start` for `seconds`, answering every poll but those of
    /// `failing` (which get `error`), and returns how many polls each scope received.
    private func run(
        _ state: inout DashboardState, from start: Date, seconds: Int, failing: MigrationScope, error: GitHubError
    ) -> [MigrationScope: Int] {
        var counts: [MigrationScope: Int] = [:]
        for second in 0..<seconds {
            let time = start.addingTimeInterval(Double(second))
            for effect in Reducer.reduce(&state, .tick(time)) {
                guard case .loadMigrationPage(let scope, page: 1) = effect else { continue }
                counts[scope, default: 0] += 1
                if scope == failing {
                    _ = Reducer.reduce(&state, .requestFailed(effect, error, at: time))
                } else {
                    let list = state.migrations.filter { $0.key.scope == scope }.map(\.value)
                    _ = Reducer.reduce(&state, .onlyPage(scope, list, at: time))
                }
            }
        }
        return counts
    }

    @Test("a 403 on one organization that worked keeps it, marks its rows stale and retries it with back-off")
    func failingOrgIsKept() {
        var state = twoOrgs()
        let counts = run(&state, from: now.addingTimeInterval(3), seconds: 120, failing: org, error: forbidden)
        #expect(state.orgs == ["octo-org", "other-org"], "an organization that worked is never dropped")
        #expect(state.migrations.keys.contains(MigrationKey(scope: org, id: 1042)))
        #expect(state.isFailing(org))
        #expect(state.connection == .partial(failing: ["octo-org"]))
        // Back-off: 5, 10, 20, 40 s… — a handful of tries in two minutes, where the others get ~40 polls.
        let failingPolls = counts[org] ?? 0
        let healthyPolls = counts[.organization("other-org")] ?? 0
        #expect((3...6).contains(failingPolls), "\(failingPolls) polls of the failing organization")
        #expect(healthyPolls >= 35, "the good organizations keep their cadence: \(healthyPolls) polls")
        #expect(state.activity.filter { $0.kind == .error }.count == 1, "one line when it starts failing")
        let grid = DashboardView.render(state)
        #expect(grid.row(0).contains("octo-org failing"))
    }

    @Test("migrations started later in a recovered organization appear")
    func recovery() {
        var state = twoOrgs()
        _ = run(&state, from: now.addingTimeInterval(3), seconds: 30, failing: org, error: forbidden)
        let later = now.addingTimeInterval(200)
        for effect in Reducer.reduce(&state, .tick(later)) where effect == .loadFirstPage(org) {
            let fresh = [StateFixture.migration(1050, .pending, created: 190, repos: ["octo-org/new"])]
            _ = Reducer.reduce(&state, .onlyPage(org, fresh + StateFixture.orgMigrations, at: later))
        }
        #expect(state.migrations[MigrationKey(scope: org, id: 1050)] != nil)
        #expect(!state.isFailing(org))
        #expect(state.activity.contains { $0.text == "octo-org: answering again" })
    }

    @Test("an unknown --org backs off alone: the good scopes keep their cadence and the data stays live")
    func unknownConfiguredOrg() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40),
            session: SessionInfo(host: "github.com", configuredOrgs: ["octo-org", "no-such-org"]))
        _ = Reducer.start(&state)
        let pending = Reducer.reduce(&state, .connected(user: "octocat", orgs: [], at: now))
        #expect(pending.contains(.loadFirstPage(.organization("no-such-org"))))
        let missing = GitHubError(kind: .notFound, status: 404, message: "Not Found", request: "GET /orgs/no-such-org")
        _ = Reducer.reduce(&state, .onlyPage(.user, [], at: now))
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations, at: now))
        _ = Reducer.reduce(&state, .requestFailed(.loadFirstPage(.organization("no-such-org")), missing, at: now))
        let counts = run(
            &state, from: now.addingTimeInterval(1), seconds: 90, failing: .organization("no-such-org"), error: missing)
        #expect(state.orgs == ["octo-org", "no-such-org"], "named with --org, it is kept and retried")
        #expect((counts[org] ?? 0) >= 25)
        #expect((counts[.organization("no-such-org")] ?? 0) <= 6)
        #expect(!state.connection.isStale)
    }

    @Test("an organization that never answered and was not named is dropped with one line")
    func foreignOrgDropped() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org", "other-org"], at: now))
        let error = GitHubError(kind: .forbidden, status: 403, message: "Must be an owner", request: "GET /orgs/x")
        _ = Reducer.reduce(&state, .requestFailed(.loadFirstPage(.organization("other-org")), error, at: now))
        #expect(state.orgs == ["octo-org"])
        #expect(state.activity.filter { $0.text.contains("other-org") }.count == 1)
    }

    @Test("a refused token stops every poll, says so once, and waits for r")
    func badToken() {
        var state = twoOrgs()
        let refused = GitHubError(
            kind: .unauthorized, status: 401, message: "Bad credentials", request: "GET /user/migrations")
        let time = now.addingTimeInterval(3)
        let effects = Reducer.reduce(&state, .tick(time))
        for effect in effects { _ = Reducer.reduce(&state, .requestFailed(effect, refused, at: time)) }
        var later: [Effect] = []
        for second in 4..<600 { later += Reducer.reduce(&state, .tick(now.addingTimeInterval(Double(second)))) }
        #expect(later.isEmpty, "nothing is sent again after a 401")
        #expect(state.activity.filter { $0.kind == .error }.count == 1)
        #expect(state.connection == .unauthorized("GitHub refused the token"))
        #expect(DashboardView.render(state).row(0).contains("token refused · r to retry"))
        let retried = Reducer.reduce(&state, .key(.character("r")))
        #expect(retried.contains(.loadFirstPage(org)) && retried.contains(.loadFirstPage(.user)))
    }

    @Test("a refused token at launch stops the connect retries too")
    func badTokenAtLaunch() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        #expect(Reducer.start(&state) == [.connect])
        let refused = GitHubError(kind: .unauthorized, status: 401, message: "Bad credentials", request: "GET /user")
        _ = Reducer.reduce(&state, .requestFailed(.connect, refused, at: now))
        for second in 1..<300 { #expect(Reducer.reduce(&state, .tick(now.addingTimeInterval(Double(second)))).isEmpty) }
        #expect(Reducer.reduce(&state, .key(.character("r"))) == [.connect])
    }

    @Test("a secondary-limit pause shows in the status bar with what is waited for and until when")
    func secondaryPause() {
        var state = twoOrgs()
        let until = now.addingTimeInterval(45)
        _ = Reducer.reduce(&state, .apiPaused(APIPause(reason: "GitHub's secondary rate limit", until: until)))
        let header = DashboardView.render(state).row(0)
        #expect(header.contains("waiting 45s: GitHub's secondary rate limit"), "\(header)")
        #expect(state.activity.first?.text.contains("secondary rate limit") == true)
        _ = Reducer.reduce(&state, .tick(until.addingTimeInterval(1)))
        #expect(!DashboardView.render(state).row(0).contains("secondary"))
    }

    @Test("r during a secondary-limit pause ends the client's wait, and the status bar stops saying waiting")
    func refreshDuringPause() {
        var state = twoOrgs()
        let time = now.addingTimeInterval(3)
        #expect(!Reducer.reduce(&state, .tick(time)).isEmpty, "the polls go out, and wait in the client")
        _ = Reducer.reduce(
            &state, .apiPaused(APIPause(reason: "GitHub's secondary rate limit", until: time.addingTimeInterval(900))))
        #expect(DashboardView.render(state).row(0).contains("waiting 15m"))
        let effects = Reducer.reduce(&state, .key(.character("r")))
        #expect(effects.first == .resumeRequests, "the client ends its wait")
        #expect(!effects.contains(.loadFirstPage(org)), "the held polls are still out: the client sends them, once")
        #expect(!DashboardView.render(state).row(0).contains("waiting"))
        #expect(state.notice?.text == "refreshing…")
        // Without a pause, r asks nothing of the client's waits.
        _ = Reducer.reduce(&state, .tick(time.addingTimeInterval(1)))
        #expect(!Reducer.reduce(&state, .key(.character("r"))).contains(.resumeRequests))
    }

    @Test("the status bar says how old the data is, so a stalled poll shows")
    func updatedAgo() {
        var state = twoOrgs()
        #expect(DashboardView.render(state).row(0).contains("updated just now"))
        // Every poll goes out and none answers: the data ages on screen.
        _ = Reducer.reduce(&state, .tick(now.addingTimeInterval(3)))
        _ = Reducer.reduce(&state, .tick(now.addingTimeInterval(47)))
        #expect(DashboardView.render(state).row(0).contains("updated 45s ago"))
        _ = Reducer.reduce(&state, .tick(now.addingTimeInterval(200)))
        #expect(DashboardView.render(state).row(0).contains("updated 3m ago"))
    }

    @Test("a poll that hangs (a body trickling in) makes the data stale once the cadence plus a time-out passed")
    func overdue() {
        var state = twoOrgs()
        // Every poll goes out at 3 s and none answers; something exports, so the cadence is 3 s.
        _ = Reducer.reduce(&state, .tick(now.addingTimeInterval(3)))
        _ = Reducer.reduce(&state, .tick(now.addingTimeInterval(30)))
        #expect(!state.isOverdue && !DashboardView.render(state).contains("· stale"))
        _ = Reducer.reduce(&state, .tick(now.addingTimeInterval(34)))
        #expect(state.isOverdue)
        let grid = DashboardView.render(state)
        #expect(grid.contains("Migrations (6) · stale"), "\(grid.row(1))")
        #expect(grid.row(0).contains("updated 30s ago"))
    }

    @Test("while the rate limit is spent the status bar shows none left, and r says when it refreshes")
    func rateLimitedStatus() {
        var state = twoOrgs()
        _ = Reducer.reduce(
            &state,
            .rateLimitUpdated(RateLimit(limit: 5000, remaining: 17, used: 4983, reset: now.addingTimeInterval(600))))
        let time = now.addingTimeInterval(3)
        let spent = GitHubError(
            kind: .rateLimited, message: "spent", retryAt: now.addingTimeInterval(600), request: "GET /user/migrations")
        for effect in Reducer.reduce(&state, .tick(time)) {
            _ = Reducer.reduce(&state, .requestFailed(effect, spent, at: time))
        }
        let header = DashboardView.render(state).row(0)
        #expect(header.contains("rate 0/5000"), "\(header)")
        #expect(!header.contains("17/5000"))
        #expect(Reducer.reduce(&state, .key(.character("r"))).isEmpty)
        #expect(state.notice?.text.hasPrefix("rate limit spent: refreshing when it resets") == true)
    }

    @Test("a retry that is due says retrying…, never a lingering 'retrying in 0s'")
    func retryingNow() {
        var state = twoOrgs()
        let error = GitHubError(kind: .serverError, status: 500, message: "boom", request: "GET /user/migrations")
        // Half a minute on, every scope's page 1 is due, the quiet one's too: all fail.
        var time = now.addingTimeInterval(PollPlanner.discoveryInterval)
        for effect in Reducer.reduce(&state, .tick(time)) {
            _ = Reducer.reduce(&state, .requestFailed(effect, error, at: time))
        }
        #expect(DashboardView.render(state).row(0).contains("retrying in 5s"))
        time = time.addingTimeInterval(5)
        state.now = time
        _ = Reducer.reduce(&state, .tick(time))
        let header = DashboardView.render(state).row(0)
        #expect(!header.contains("retrying in 0s") && header.contains("retrying…"), "\(header)")
    }

    @Test("an unreachable API says so in the empty migrations pane, not 'no migrations yet'")
    func unreachableAtLaunch() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        let refused = GitHubError(kind: .offline, message: "connection refused", request: "GET /user")
        _ = Reducer.reduce(&state, .requestFailed(.connect, refused, at: now))
        let grid = DashboardView.render(state)
        #expect(!grid.contains("no migrations yet"))
        #expect(grid.contains("Cannot reach the API: connection refused"))
    }
}
