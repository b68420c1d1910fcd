import DashboardCore
import Foundation
import GitHubMigrations
import Journal
import Testing

/// Offline periods and secondary limits, from the reducer's feed to the journal's problems.
@Suite("Problems from the change feed")
struct ProblemFeedTests {
    @Test("The data going stale and current again, and a secondary-limit pause, are each one problem entry")
    func offlinePeriod() throws {
        var state = DashboardState(
            now: JournalFixture.t0, size: .init(width: 80, height: 24), session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: [], at: JournalFixture.t0))
        _ = Reducer.reduce(
            &state,
            .migrationPageLoaded(.user, page: 1, ListPage(items: [], hasNext: false), at: JournalFixture.at(1)))
        _ = state.changes.take()
        let offline = GitHubError(kind: .offline, message: "connection refused", request: "GET /user/migrations")
        _ = Reducer.reduce(
            &state, .requestFailed(.loadMigrationPage(.user, page: 1), offline, at: JournalFixture.at(40)))
        _ = Reducer.reduce(
            &state, .apiPaused(APIPause(reason: "GitHub's secondary rate limit", until: JournalFixture.at(100))))
        _ = Reducer.reduce(
            &state,
            .migrationPageLoaded(.user, page: 1, ListPage(items: nil, hasNext: false), at: JournalFixture.at(90)))
        let changes = state.changes.take()
        let kinds = changes.compactMap { change -> String? in
            if case .problem(let kind, _, _) = change { kind } else { nil }
        }
        #expect(kinds == ["offline", "secondary-limit", "recovered"], "\(changes)")

        let fixture = try JournalFixture()
        let journal = try fixture.open()
        try journal.record(changes, host: "github.com", login: "octocat")
        let problems = try journal.recentEntries(limit: 10).filter { $0.kind == .problem }
        #expect(problems.count == 3)
        #expect(problems.contains { $0.text.contains("connection refused") }, "\(problems.map(\.text))")
    }
}
