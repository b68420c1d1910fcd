import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

/// `/` and `s` act on the focused pane: the Repositories and Source imports panes filter and sort
/// their own rows, and the Migrations pane stays as it was.
@Suite("Filter and sort follow the focus")
struct PaneFilterTests {
    let now = StateFixture.now

    /// 1038 selected (octo-org/a, b, c), two imports followed, the Repositories pane focused.
    private func state() -> DashboardState {
        var state = StateFixture.populated()
        let legacy = RepositoryName(owner: "octo-org", name: "legacy-svn")
        let old = RepositoryName(owner: "octocat", name: "old-hg")
        _ = Reducer.reduce(&state, .importsDiscovered([old, legacy]))
        _ = Reducer.reduce(&state, .importLoaded(old, StateFixture.sourceImport("complete", percent: 100), at: now))
        _ = Reducer.reduce(&state, .importLoaded(legacy, StateFixture.sourceImport("error", percent: 12), at: now))
        _ = Reducer.reduce(&state, .key(.character("j")))
        _ = Reducer.reduce(&state, .key(.character("j")))
        return state
    }

    @Test("/ in the Repositories pane narrows its rows and leaves the migrations alone")
    func repositoriesFilter() {
        var state = state()
        #expect(state.selectedMigration?.id == 1038)
        _ = Reducer.reduce(&state, .key(.character("2")))
        _ = Reducer.reduce(&state, .key(.character("/")))
        for c in "octo-org/b" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = Reducer.reduce(&state, .key(.enter))
        #expect(state.listedRepositories.map(\.fullName) == ["octo-org/b"])
        #expect(state.migrationOrder.count == 5, "the migrations pane is not filtered")
        let grid = DashboardView.render(state)
        #expect(grid.contains("Repositories · 1038 (1 of 3) /octo-org/b"))
        #expect(!grid.contains("Migrations (5) /"))
        // The row a key acts on is the listed one.
        _ = Reducer.reduce(&state, .key(.enter))
        #expect(state.overlay == .details(.repository(MigrationKey(scope: StateFixture.org, id: 1038), "b")))
    }

    @Test("s in the Repositories pane sorts its rows; in Source imports it sorts the imports")
    func sorts() {
        var state = state()
        _ = Reducer.reduce(&state, .key(.character("2")))
        _ = Reducer.reduce(&state, .key(.character("s")))
        #expect(state.repositorySort == .name && state.sort == .newest)
        #expect(state.notice?.text == "sorted by name")
        _ = Reducer.reduce(&state, .key(.character("3")))
        #expect(state.listedImports.map(\.repository.description) == ["octocat/old-hg", "octo-org/legacy-svn"])
        _ = Reducer.reduce(&state, .key(.character("s")))
        _ = Reducer.reduce(&state, .key(.character("s")))
        #expect(state.importSort == .status)
        #expect(state.listedImports.map(\.repository.description) == ["octo-org/legacy-svn", "octocat/old-hg"])
        #expect(state.selectedImport?.repository.description == "octocat/old-hg", "the selection follows the import")
        #expect(state.sort == .newest, "the migrations keep their order")
        #expect(DashboardView.render(state).contains("Source imports (2) · by status"))
    }

    @Test("sorting or filtering the Source imports keeps the same import selected, so c or i acts on it")
    func selectionFollowsTheImport() {
        var state = state()
        _ = Reducer.reduce(&state, .key(.character("3")))
        _ = Reducer.reduce(&state, .key(.character("G")))
        let chosen = state.selectedImport?.repository
        #expect(chosen?.description == "octo-org/legacy-svn")
        _ = Reducer.reduce(&state, .key(.character("s")))
        #expect(state.selectedImport?.repository == chosen)
        _ = Reducer.reduce(&state, .key(.character("s")))
        #expect(state.selectedImport?.repository == chosen)
        _ = Reducer.reduce(&state, .key(.character("/")))
        for c in "legacy" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.selectedImport?.repository == chosen)
    }

    @Test("/ in Source imports filters by repository or status; Esc clears only that pane's filter")
    func importsFilter() {
        var state = state()
        _ = Reducer.reduce(&state, .key(.character("/")))
        for c in "103" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = Reducer.reduce(&state, .key(.enter))
        #expect(state.migrationOrder.count == 3, "the migrations filter is its own")
        _ = Reducer.reduce(&state, .key(.character("3")))
        _ = Reducer.reduce(&state, .key(.character("/")))
        for c in "error" { _ = Reducer.reduce(&state, .key(.character(c))) }
        #expect(state.listedImports.map(\.repository.description) == ["octo-org/legacy-svn"])
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.listedImports.count == 2)
        #expect(state.filter == "103" && state.migrationOrder.count == 3)
    }
}
