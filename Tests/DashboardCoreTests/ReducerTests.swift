import DashboardCore
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@Suite("The reducer: events in, state and effects out, with explicit time")
struct ReducerTests {
    let now = StateFixture.now

    @Test("launch connects, then polls every scope and discovers imports")
    func launch() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        #expect(Reducer.start(&state) == [.connect])
        let effects = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org"], at: now))
        #expect(
            effects == [
                .loadFirstPage(.user), .loadFirstPage(.organization("octo-org")), .scanArchives, .discoverImports,
            ])
        #expect(state.user == "octocat")
    }

    @Test("--org wins over the organizations GitHub lists")
    func configuredOrgs() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40),
            session: SessionInfo(host: "github.com", configuredOrgs: ["mine"]))
        let effects = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org", "mine"], at: now))
        #expect(effects.contains(.loadFirstPage(.organization("mine"))))
        #expect(!effects.contains(.loadFirstPage(.organization("octo-org"))))
    }

    @Test("migrations are listed newest first with the first row selected")
    func ordering() {
        let state = StateFixture.populated()
        #expect(state.migrationOrder.map(\.id) == [1042, 1041, 1038, 1031, 1035])
        #expect(state.selectedMigration?.id == 1042)
        #expect(state.connection == .live)
    }

    @Test("a change to exported is logged with both states and rings the bell")
    func stateChange() {
        var state = StateFixture.populated()
        var changed = StateFixture.orgMigrations
        changed[0].state = .exported
        let later = now.addingTimeInterval(5)
        let effects = Reducer.reduce(&state, .onlyPage(StateFixture.org, changed, at: later))
        #expect(effects.contains(.bell))
        #expect(state.activity.first?.text == "1042 octo-org  exporting → exported")
        #expect(state.activity.first?.time == later)
    }

    @Test("the bell can be turned off")
    func noBell() {
        var state = StateFixture.populated()
        state.session.bell = false
        var changed = StateFixture.orgMigrations
        changed[0].state = .failed
        #expect(!Reducer.reduce(&state, .onlyPage(StateFixture.org, changed, at: now)).contains(.bell))
    }

    @Test("a scope with a migration exporting on page 1 is read every few seconds, a quiet one every half minute")
    func pollIntervals() {
        var state = StateFixture.populated()
        #expect(state.poll.entry(.front(StateFixture.org))?.planned == PlannedPoll(pace: .fast, interval: 3))
        #expect(state.poll.entry(.front(StateFixture.org))?.dueAt == now.addingTimeInterval(3))
        let finished = StateFixture.orgMigrations.map { migration -> Migration in
            var copy = migration
            if copy.state.isActive { copy.state = .exported }
            return copy
        }
        let later = now.addingTimeInterval(3)
        let effects = Reducer.reduce(&state, .tick(later))
        #expect(effects.contains(.loadFirstPage(StateFixture.org)))
        _ = Reducer.reduce(&state, .onlyPage(StateFixture.org, finished, at: later))
        #expect(state.poll.entry(.front(StateFixture.org))?.planned.pace == .discovery)
        let quiet = PollPlanner.discoveryInterval
        #expect(state.poll.entry(.front(StateFixture.org))?.dueAt == later.addingTimeInterval(quiet))
        #expect(!Reducer.reduce(&state, .tick(later.addingTimeInterval(10))).contains(.loadFirstPage(StateFixture.org)))
        #expect(
            Reducer.reduce(&state, .tick(later.addingTimeInterval(quiet))).contains(.loadFirstPage(StateFixture.org)))
    }

    @Test("a failed poll keeps the data, marks it stale and backs off")
    func failureBackoff() {
        var state = StateFixture.populated()
        state.poll.makeAllDue()
        _ = Reducer.reduce(&state, .tick(now))
        let error = GitHubError(kind: .offline, message: "connection refused", request: "GET /user/migrations")
        _ = Reducer.reduce(&state, .requestFailed(.loadFirstPage(.user), error, at: now))
        _ = Reducer.reduce(&state, .requestFailed(.loadFirstPage(StateFixture.org), error, at: now))
        #expect(state.connection == .offline(since: now))
        #expect(state.connection.isStale)
        #expect(state.migrationOrder.count == 5)
        #expect(state.poll.nextDue(after: now) == now.addingTimeInterval(5))
        #expect(state.activity.filter { $0.kind == .error }.count == 1, "an outage is one line, not one per request")
    }

    @Test("a spent rate limit holds polling until the reset")
    func rateLimited() {
        var state = StateFixture.populated()
        state.poll.makeAllDue()
        _ = Reducer.reduce(&state, .tick(now))
        let reset = now.addingTimeInterval(600)
        let error = GitHubError(kind: .rateLimited, message: "spent", retryAt: reset, request: "GET /user/migrations")
        _ = Reducer.reduce(&state, .requestFailed(.loadFirstPage(.user), error, at: now))
        _ = Reducer.reduce(&state, .onlyPage(StateFixture.org, StateFixture.orgMigrations, at: now))
        #expect(state.connection == .rateLimited(until: reset))
        #expect(state.poll.nextDue(after: now) == reset)
        #expect(Reducer.reduce(&state, .tick(now.addingTimeInterval(300))).isEmpty)
    }

    @Test("an organization the user does not own is dropped with a note, not an error")
    func foreignOrg() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org", "other-org"], at: now))
        let error = GitHubError(kind: .notFound, status: 404, message: "Not Found", request: "GET /orgs/other-org")
        _ = Reducer.reduce(&state, .requestFailed(.loadFirstPage(.organization("other-org")), error, at: now))
        #expect(state.orgs == ["octo-org"])
        #expect(state.activity.first?.kind == .info)
    }

    @Test("r refreshes at once")
    func refresh() {
        var state = StateFixture.populated()
        let effects = Reducer.reduce(&state, .key(.character("r")))
        #expect(effects.contains(.loadFirstPage(.user)))
        #expect(effects.contains(.loadFirstPage(StateFixture.org)))
    }

    @Test("Tab, Shift-Tab and the digits move the focus")
    func focus() {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(state.focus == .repositories)
        _ = Reducer.reduce(&state, .key(.backTab))
        _ = Reducer.reduce(&state, .key(.backTab))
        #expect(state.focus == .activity)
        _ = Reducer.reduce(&state, .key(.character("3")))
        #expect(state.focus == .imports)
    }

    @Test("j, k, g, G and the page keys move the selection within bounds")
    func movement() {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.character("j")))
        #expect(state.selectedMigration?.id == 1041)
        _ = Reducer.reduce(&state, .key(.character("G")))
        #expect(state.selectedMigration?.id == 1035)
        _ = Reducer.reduce(&state, .key(.down))
        #expect(state.selectedMigration?.id == 1035)
        _ = Reducer.reduce(&state, .key(.character("g")))
        #expect(state.selectedMigration?.id == 1042)
        _ = Reducer.reduce(&state, .key(.pageDown))
        #expect(state.selectedMigration?.id == 1035)
    }

    @Test("the filter narrows as you type; Esc clears it")
    func filter() {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.character("/")))
        for c in "fail" { _ = Reducer.reduce(&state, .key(.character(c))) }
        #expect(state.migrationOrder.map(\.id) == [1031])
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.migrationOrder.count == 5)
        #expect(!state.filterEditing)
    }

    @Test("s cycles the sort order and keeps the selection on the same migration")
    func sorting() {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.character("j")))
        _ = Reducer.reduce(&state, .key(.character("s")))
        #expect(state.sort == .state)
        #expect(state.migrationOrder.first?.id == 1042)
        #expect(state.selectedMigration?.id == 1041)
    }
}
