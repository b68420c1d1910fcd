import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

/// Loads, questions and writes that could wait for an answer that never comes, or act on a guess.
@Suite("Nothing waits for ever, and d tries what the estimate doubts")
struct NothingWaitsForeverTests {
    let now = StateFixture.now
    let org = StateFixture.org
    let refused = GitHubError(kind: .unauthorized, status: 401, message: "Bad credentials", request: "GET /x")

    @Test("a 401 answering a repository load or the import discovery ends their 'loading…', and r loads again")
    func refusedLoads() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: [], at: now))
        let key = MigrationKey(scope: .user, id: 1060)
        _ = Reducer.reduce(&state, .onlyPage(.user, [StateFixture.excluded(1060)], at: now))
        _ = Reducer.reduce(&state, .requestFailed(.loadRepositories(key), refused, at: now))
        _ = Reducer.reduce(&state, .requestFailed(.discoverImports, refused, at: now))
        let grid = DashboardView.render(state)
        #expect(!grid.contains("loading…") && !grid.contains("looking for source imports"), "\(grid.text)")
        #expect(Reducer.reduce(&state, .tick(now.addingTimeInterval(1))).isEmpty, "halted: nothing is sent")
        #expect(Reducer.reduce(&state, .key(.character("r"))).contains(.loadRepositories(key)))
    }

    @Test("d on an archive the estimate says expired still tries: GitHub decides")
    func estimatedExpiry() {
        var state = StateFixture.populated()
        let old = StateFixture.migration(900, .exported, created: -900_000, repos: ["octo-org/old"])
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations + [old], at: now))
        let index = state.migrationOrder.firstIndex { $0.id == 900 }!
        state.cursors[.migrations] = {
            var cursor = ListCursor(); cursor.selected = index; return cursor
        }()
        let effects = Reducer.reduce(&state, .key(.character("d")))
        #expect(effects == [.download(MigrationKey(scope: org, id: 900), guid: old.guid)])
    }

    @Test(
        "the backlog question counts every migration, not only the rows a filter shows, and waits for the filter line")
    func backlogIgnoresFilter() throws {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com", autoDownload: true))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org"], at: now))
        _ = Reducer.reduce(&state, .key(.character("/")))
        for c in "1041" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = Reducer.reduce(&state, .onlyPage(.user, StateFixture.userMigrations, at: now))
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations, at: now))
        #expect(state.overlay == nil, "no question behind the filter line")
        _ = Reducer.reduce(&state, .key(.enter))
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations, at: now.addingTimeInterval(3)))
        guard case .confirm(let question) = state.overlay else { throw Failure("no backlog question") }
        #expect(question.question == "Download 3 archives exported before migdash started?")
    }

    @Test("a lost start in an organization that is then dropped is given up, not checked for ever")
    func lostStartInDroppedScope() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["gone-org"], at: now))
        let scope = MigrationScope.organization("gone-org")
        let request = StartMigrationRequest(repositories: ["site"])
        state.pendingWrites = [PendingWrite(action: .startMigration(scope, request), sentAt: now)]
        let timeout = GitHubError(kind: .timeout, message: "no answer in time", request: "POST")
        _ = Reducer.reduce(&state, .actionFailed(.startMigration(scope, request), timeout, at: now))
        #expect(state.pendingWrites.count == 1)
        let gone = GitHubError(kind: .notFound, status: 404, message: "Not Found", request: "GET /orgs/gone-org")
        _ = Reducer.reduce(&state, .requestFailed(.loadFirstPage(scope), gone, at: now))
        #expect(state.pendingWrites.isEmpty)
        #expect(state.activity.contains { $0.text.contains("could not check whether") })
    }

    @Test("a lost start whose list never answers is given up a minute after its window")
    func lostStartUnanswered() {
        var state = StateFixture.populated()
        let request = StartMigrationRequest(repositories: ["site"])
        state.pendingWrites = [PendingWrite(action: .startMigration(org, request), sentAt: now)]
        let timeout = GitHubError(kind: .timeout, message: "no answer in time", request: "POST")
        _ = Reducer.reduce(&state, .actionFailed(.startMigration(org, request), timeout, at: now))
        _ = Reducer.reduce(&state, .tick(now.addingTimeInterval(PendingWrite.checkWindow + 30)))
        #expect(state.pendingWrites.count == 1)
        _ = Reducer.reduce(&state, .tick(now.addingTimeInterval(PendingWrite.checkWindow + 61)))
        #expect(state.pendingWrites.isEmpty)
    }
}
