import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

/// Small list behaviours from the newcomer's trial: repositories of a list that left them out, paging,
/// the archive sorts, a selection made while lists load, and archives saved beside the dashboard.
@Suite("Lists: repositories, paging, sorting, selection and archives on disk")
struct ListBehaviourTests {
    let now = StateFixture.now
    let org = StateFixture.org

    @Test("the first row's repositories are asked for when the list left them out; an empty answer says none")
    func excludedRepositories() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: [], at: now))
        let key = MigrationKey(scope: .user, id: 1060)
        let effects = Reducer.reduce(&state, .onlyPage(.user, [StateFixture.excluded(1060)], at: now))
        #expect(effects.contains(.loadRepositories(key)), "the selected row's repositories load without a key")
        #expect(DashboardView.render(state).contains("loading…"))
        _ = Reducer.reduce(&state, .repositoriesLoaded(key, []))
        let grid = DashboardView.render(state)
        #expect(grid.contains("no repositories") && !grid.contains("loading…"))
        let repos = [StateFixture.repo("octocat/a", id: 1), StateFixture.repo("octocat/b", id: 2)]
        _ = Reducer.reduce(&state, .repositoriesLoaded(key, repos))
        #expect(MigrationRow(key, state.migrations[key]!, in: state).repositories == "2")
        #expect(Reducer.reduce(&state, .tick(now)).contains(.loadRepositories(key)) == false, "asked once")
    }

    @Test("a failed repository load says why instead of loading… for ever")
    func failedRepositories() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: [], at: now))
        let key = MigrationKey(scope: .user, id: 1060)
        _ = Reducer.reduce(&state, .onlyPage(.user, [StateFixture.excluded(1060)], at: now))
        let error = GitHubError(kind: .serverError, status: 500, message: "boom", request: "GET /repositories")
        _ = Reducer.reduce(&state, .requestFailed(.loadRepositories(key), error, at: now))
        #expect(DashboardView.render(state).contains("could not load them"))
        #expect(Reducer.reduce(&state, .key(.character("r"))).contains(.loadRepositories(key)), "r tries again")
    }

    @Test("PgDn and PgUp move by the rows the pane shows, not a fixed 16")
    func paging() {
        var state = StateFixture.populated(size: Size(width: 120, height: 40))
        let many = (0..<80).map {
            StateFixture.migration(3_000 + Int64($0), .exported, created: -Double($0) * 100, repos: ["octo-org/x"])
        }
        Reducer.readWholeList(&state, org, many, at: now)
        let visible = Layout(size: state.size).visibleRows(.migrations)
        let start = state.cursor(.migrations).selected
        _ = Reducer.reduce(&state, .key(.pageDown))
        #expect(state.cursor(.migrations).selected == start + visible)
        state.size = Size(width: 120, height: 24)
        _ = Reducer.reduce(&state, .key(.pageUp))
        let back = start + visible - Layout(size: state.size).visibleRows(.migrations)
        #expect(state.cursor(.migrations).selected == back)
    }

    @Test("sort by time left puts the archive that expires first on top; 'not downloaded' skips saved ones")
    func archiveSorts() {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.character("s")))  // state
        _ = Reducer.reduce(&state, .key(.character("s")))  // scope
        _ = Reducer.reduce(&state, .key(.character("s")))  // updated
        _ = Reducer.reduce(&state, .key(.character("s")))  // time left
        #expect(state.sort == .timeLeft)
        #expect(state.migrationOrder.map(\.id) == [1035, 1038, 1041, 1042, 1031])
        #expect(DashboardView.render(state).contains("by time left"))
        _ = Reducer.reduce(&state, .archivesFound([MigrationKey(scope: org, id: 1038): "/tmp/a.tar.gz"]))
        _ = Reducer.reduce(&state, .key(.character("s")))
        #expect(state.sort == .notDownloaded)
        #expect(Array(state.migrationOrder.map(\.id).prefix(2)) == [1035, 1041])
    }

    @Test("a row chosen while the other scopes still load stays chosen when their lists arrive")
    func selectionWhileLoading() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org"], at: now))
        let mine = (0..<5).map {
            StateFixture.migration(4_000 + Int64($0), .exported, created: -Double($0) * 10, repos: ["octocat/r"])
        }
        _ = Reducer.reduce(&state, .onlyPage(.user, mine, at: now))
        for _ in 0..<3 { _ = Reducer.reduce(&state, .key(.character("j"))) }
        let chosen = state.selectedMigration
        #expect(chosen?.id == 4_003)
        // octo-org's list holds a newer migration, which shifts every row down by one.
        let newer = StateFixture.migration(5_000, .exporting, created: 5, repos: ["octo-org/new"])
        _ = Reducer.reduce(&state, .onlyPage(org, [newer] + StateFixture.orgMigrations, at: now))
        #expect(state.selectedMigration == chosen, "the keys typed while octo-org loaded still count")
    }

    @Test("an archive another migdash saved beside the dashboard is noticed within half a minute")
    func archivesSavedBeside() {
        var state = StateFixture.populated()
        let key = MigrationKey(scope: org, id: 1038)
        let first = Reducer.reduce(&state, .tick(now.addingTimeInterval(1)))
        #expect(first.isEmpty || !first.contains(.scanArchives), "the launch scan is still out")
        _ = Reducer.reduce(&state, .archivesFound([:]))
        let later = now.addingTimeInterval(Double(31))
        state.now = later
        let effects = Reducer.reduce(&state, .tick(later))
        #expect(effects.contains(.scanArchives))
        _ = Reducer.reduce(&state, .archivesFound([key: "/tmp/octo-org-migration-1038.tar.gz"]))
        #expect(MigrationRow(key, state.migrations[key]!, in: state).archive.hasPrefix("✓ "))
    }

    @Test("an archive deleted or moved out of the folder loses its ✓ at the next look, and d works again")
    func archivesGoneFromTheFolder() {
        var state = StateFixture.populated()
        let key = MigrationKey(scope: org, id: 1038)
        _ = Reducer.reduce(&state, .archivesFound([key: "/tmp/octo-org-migration-1038.tar.gz"]))
        #expect(MigrationRow(key, state.migrations[key]!, in: state).archive.hasPrefix("✓ "))
        _ = Reducer.reduce(&state, .archivesUnchanged)
        #expect(state.downloaded[key] != nil, "a look that found nothing new keeps what was there")
        _ = Reducer.reduce(&state, .archivesFound([:]))
        #expect(state.downloaded[key] == nil)
        #expect(!MigrationRow(key, state.migrations[key]!, in: state).archive.hasPrefix("✓ "))
    }

    @Test("a migration pushed from page 1 to page 2 by a new one is kept until every page has been read again")
    func pushedDownAPage() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org"], at: now))
        _ = Reducer.reduce(&state, .onlyPage(.user, StateFixture.userMigrations, at: now))
        let old = (0..<201).map {
            StateFixture.migration(5_000 - Int64($0), .exported, created: -Double($0 + 1) * 600, repos: ["octo-org/x"])
        }
        Reducer.readWholeList(&state, org, old, at: now)
        #expect(state.migrations.keys.filter { $0.scope == org }.count == 201)
        // A migration started elsewhere: page 1 now holds it and the first 99, page 2 shifts by one, page 3
        // holds two. Page 3 is read again before page 2 is.
        let new = StateFixture.migration(6_000, .pending, created: 0, repos: ["octo-org/y"])
        let list = [new] + old
        let later = now.addingTimeInterval(30)
        let page1 = ListPage(items: Array(list.prefix(100)), hasNext: true, lastPage: 3)
        _ = Reducer.reduce(&state, .migrationPageLoaded(org, page: 1, page1, at: later))
        let page3 = ListPage(items: Array(list.dropFirst(200)), hasNext: false)
        _ = Reducer.reduce(&state, .migrationPageLoaded(org, page: 3, page3, at: later))
        #expect(state.migrations[MigrationKey(scope: org, id: old[99].id)] != nil, "now on page 2, not yet read again")
        #expect(state.migrationOrder.count == 203, "201 listed, one new, and the user's one")
        // Once every page has been read with nothing moving, what no page shows is gone.
        let gone = list.filter { $0.id != old[150].id }
        for page in 1...3 {
            let items = Array(gone.dropFirst((page - 1) * 100).prefix(100))
            let answer = ListPage(items: items, hasNext: page < 3, lastPage: 3)
            _ = Reducer.reduce(&state, .migrationPageLoaded(org, page: page, answer, at: later.addingTimeInterval(60)))
        }
        for page in 1...3 {
            let unchanged = Event.migrationPageLoaded(
                org, page: page, ListPage(items: nil, hasNext: page < 3), at: later.addingTimeInterval(120))
            _ = Reducer.reduce(&state, unchanged)
        }
        #expect(state.migrations[MigrationKey(scope: org, id: old[150].id)] == nil)
        #expect(state.migrationOrder.count == 202)
    }
}
