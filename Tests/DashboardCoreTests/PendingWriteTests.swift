import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

/// A write is never sent twice while its answer is awaited, and a lost answer is checked against the
/// list instead of being reported as a failure that invites a duplicate migration.
@Suite("Writes in flight and lost answers")
struct PendingWriteTests {
    let now = StateFixture.now
    let org = StateFixture.org
    let request = StartMigrationRequest(repositories: ["website"], lockRepositories: true)

    /// The dialog open on octo-org with `website` picked, not yet sent.
    private func dialogReady() -> DashboardState {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.character("n")))
        _ = Reducer.reduce(&state, .key(.right))
        _ = Reducer.reduce(&state, .repositoryChoicesLoaded(org, ["website", "octo-repo", "docs"]))
        for c in "web" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = Reducer.reduce(&state, .key(.character(" ")))
        return state
    }

    private var form: (DashboardState) -> NewMigrationForm? {
        { state in
            guard case .newMigration(let form) = state.overlay else { return nil }
            return form
        }
    }

    @Test("Enter sends once; more Enters while the POST is out send nothing, and the dialog says it is starting")
    func noSecondSubmit() {
        var state = dialogReady()
        #expect(Reducer.reduce(&state, .key(.enter)) == [.perform(.startMigration(org, request))])
        for _ in 0..<3 { #expect(Reducer.reduce(&state, .key(.enter)).isEmpty) }
        #expect(form(state)?.status == .sending)
        #expect(DashboardView.render(state).contains("starting… waiting for GitHub's answer"))
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.overlay == nil)
        #expect(Reducer.reduce(&state, .key(.character("n"))).isEmpty, "no new dialog while a start is out")
        #expect(state.notice?.text.contains("wait for GitHub's answer") == true)
    }

    @Test("a timeout after sending says 'may have been started; checking', refreshes, and ties the new migration")
    func timeoutThenFound() {
        var state = dialogReady()
        _ = Reducer.reduce(&state, .key(.enter))
        let timeout = GitHubError(
            kind: .timeout, message: "no answer in time", request: "POST /orgs/octo-org/migrations")
        let effects = Reducer.reduce(&state, .actionFailed(.startMigration(org, request), timeout, at: now))
        #expect(effects.contains(.loadFirstPage(org)), "the list is checked at once")
        #expect(!state.activity.contains { $0.text.hasPrefix("could not start") })
        #expect(state.activity.first?.text.contains("may have been started") == true)
        #expect(form(state)?.status == .checking)
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty, "nothing is sent again while checking")
        let created = StateFixture.migration(1050, .pending, created: 5, repos: ["octo-org/website"])
        let later = now.addingTimeInterval(4)
        _ = Reducer.reduce(&state, .onlyPage(org, [created] + StateFixture.orgMigrations, at: later))
        #expect(state.pendingWrites.isEmpty)
        #expect(state.activity.contains { $0.text.hasPrefix("started migration 1050 for octo-org: website (locked)") })
        #expect(state.overlay == nil)
        #expect(state.selectedMigration?.id == 1050)
    }

    @Test("a 502 whose migration never appears is reported as not started after the check, with the picks kept")
    func notFoundAfterWindow() {
        var state = dialogReady()
        _ = Reducer.reduce(&state, .key(.enter))
        let badGateway = GitHubError(kind: .serverError, status: 502, message: "Bad Gateway", request: "POST")
        _ = Reducer.reduce(&state, .actionFailed(.startMigration(org, request), badGateway, at: now))
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations, at: now.addingTimeInterval(3)))
        #expect(state.pendingWrites.count == 1, "one empty list is not proof: keep checking")
        let late = now.addingTimeInterval(PendingWrite.checkWindow + 1)
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations, at: late))
        #expect(state.pendingWrites.isEmpty)
        #expect(state.activity.first?.text.contains("the start did not go through") == true)
        _ = Reducer.reduce(&state, .key(.escape))
        _ = Reducer.reduce(&state, .key(.character("n")))
        #expect(form(state)?.picked == ["website"], "the picks survive for another try")
        #expect(Reducer.reduce(&state, .key(.enter)) == [.perform(.startMigration(org, request))])
    }

    @Test("a refused start keeps the dialog and its picks, and Enter tries again")
    func refusedKeepsPicks() {
        var state = dialogReady()
        _ = Reducer.reduce(&state, .key(.enter))
        let refused = GitHubError(
            kind: .validation, status: 422, message: "Validation Failed", request: "POST /orgs/octo-org/migrations")
        _ = Reducer.reduce(&state, .actionFailed(.startMigration(org, request), refused, at: now))
        guard case .failed(let reason)? = form(state)?.status else {
            Issue.record("the dialog should show the failure")
            return
        }
        #expect(reason.contains("Enter to try again"))
        #expect(form(state)?.picked == ["website"])
        #expect(Reducer.reduce(&state, .key(.enter)) == [.perform(.startMigration(org, request))])
    }

    @Test("GitHub's answer shows the new migration at once, selected, and closes the dialog")
    func startedAnswer() {
        var state = dialogReady()
        _ = Reducer.reduce(&state, .key(.enter))
        let created = StateFixture.migration(1051, .pending, created: 1, repos: ["octo-org/website"])
        _ = Reducer.reduce(&state, .migrationStarted(org, request, created, at: now))
        #expect(state.overlay == nil)
        #expect(state.selectedMigration?.id == 1051)
        #expect(state.pendingWrites.isEmpty)
    }

    @Test("an unlock in flight shows on its row and cannot be sent twice")
    func unlockInFlight() {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.character("u")))
        _ = Reducer.reduce(&state, .drawn)
        let key = MigrationKey(scope: org, id: 1042)
        #expect(Reducer.reduce(&state, .key(.character("y"))) == [.perform(.unlock(key, repository: "website"))])
        let row = RepositoryRow(state.selectedRepositories[0], of: key, in: state)
        #expect(row.lock == "unlocking…")
        _ = Reducer.reduce(&state, .key(.character("u")))
        _ = Reducer.reduce(&state, .drawn)
        #expect(Reducer.reduce(&state, .key(.character("y"))).isEmpty)
    }

    @Test("in the dialog Enter sends from a flag, Space toggles it, and the first Esc only clears the filter")
    func dialogKeys() {
        var state = dialogReady()
        _ = Reducer.reduce(&state, .key(.character("x")))
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(form(state)?.filter == "", "the first Esc clears the filter")
        #expect(form(state)?.picked == ["website"], "and keeps the picks")
        _ = Reducer.reduce(&state, .key(.tab))
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(form(state)?.field == .excludeMetadata)
        _ = Reducer.reduce(&state, .key(.tab))
        #expect(form(state)?.field == .excludeGitData)
        _ = Reducer.reduce(&state, .key(.backTab))
        _ = Reducer.reduce(&state, .key(.backTab))
        #expect(form(state)?.field == .lock)
        #expect(Reducer.reduce(&state, .key(.enter)) == [.perform(.startMigration(org, request))], "Enter sends")
    }

    @Test("the repository list takes the dialog's spare height at 80x20")
    func listHeight() {
        var state = StateFixture.populated(size: Size(width: 80, height: 20))
        _ = Reducer.reduce(&state, .key(.character("n")))
        let names = (1...30).map { "octocat/repo-\($0)" }
        _ = Reducer.reduce(&state, .repositoryChoicesLoaded(.user, names))
        let grid = DashboardView.render(state)
        let shown = names.filter { grid.contains("[ ] \($0) ") || grid.contains("[ ] \($0)│") }
        #expect(shown.count >= 5, "\(shown.count) rows of the list shown:\n\(grid.text)")
    }
}
