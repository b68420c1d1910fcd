import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@Suite("Screens rendered into a CellGrid, compared with recorded snapshots")
struct ScreenSnapshotTests {
    private func lively(_ size: Size) -> DashboardState {
        var state = StateFixture.populated(size: size)
        let legacy = RepositoryName(owner: "octo-org", name: "legacy-svn")
        let old = RepositoryName(owner: "octocat", name: "old-hg")
        _ = Reducer.reduce(&state, .importsDiscovered([legacy, old]))
        _ = Reducer.reduce(
            &state,
            .importLoaded(
                legacy, StateFixture.sourceImport("importing", percent: 78, commits: 1042), at: StateFixture.now))
        _ = Reducer.reduce(
            &state, .importLoaded(old, StateFixture.sourceImport("error", percent: 12), at: StateFixture.now))
        _ = Reducer.reduce(
            &state,
            .rateLimitUpdated(
                RateLimit(limit: 5000, remaining: 4871, used: 129, reset: StateFixture.now.addingTimeInterval(1800))))
        return state
    }

    @Test("the dashboard at 120x40")
    func large() {
        Snapshot.assert(DashboardView.render(lively(Size(width: 120, height: 40))), named: "dashboard-120x40")
    }

    @Test("the dashboard at 80x24")
    func standard() {
        Snapshot.assert(DashboardView.render(lively(Size(width: 80, height: 24))), named: "dashboard-80x24")
    }

    @Test("the dashboard cramped at 60x15, the smallest it draws")
    func cramped() {
        Snapshot.assert(DashboardView.render(lively(Size(width: 60, height: 15))), named: "dashboard-60x15")
    }

    @Test("below the minimum one line says the terminal is too small")
    func tooSmall() {
        let grid = DashboardView.render(lively(Size(width: 50, height: 12)))
        #expect(grid.row(0).hasPrefix("terminal too small: 50x12 (need 60x15)"))
        #expect((1..<12).allSatisfy { grid.row($0).trimmingCharacters(in: .whitespaces).isEmpty })
    }

    @Test("offline: the data stays, marked stale, and the status bar says since when")
    func offline() {
        var state = lively(Size(width: 120, height: 40))
        state.poll.makeAllDue()
        _ = Reducer.reduce(&state, .tick(StateFixture.now))
        let error = GitHubError(kind: .offline, message: "connection refused", request: "GET /user/migrations")
        _ = Reducer.reduce(&state, .requestFailed(.loadFirstPage(.user), error, at: StateFixture.now))
        _ = Reducer.reduce(&state, .requestFailed(.loadFirstPage(StateFixture.org), error, at: StateFixture.now))
        let grid = DashboardView.render(state)
        #expect(grid.row(0).contains("offline since 14:02 · data from 14:02:10"))
        #expect(grid.contains("Migrations (5) · stale"))
        #expect(grid.contains("1042"))
    }

    @Test("the delete confirmation, the help overlay and read-only")
    func overlays() {
        var state = lively(Size(width: 120, height: 40))
        _ = Reducer.reduce(&state, .key(.character("j")))
        _ = Reducer.reduce(&state, .key(.character("x")))
        Snapshot.assert(DashboardView.render(state), named: "confirm-delete-120x40")
        _ = Reducer.reduce(&state, .key(.escape))
        _ = Reducer.reduce(&state, .key(.character("?")))
        let help = DashboardView.render(state)
        #expect(help.contains("delete archive"))
        #expect(help.contains("Shift-Tab"))
        var readOnly = StateFixture.populated(readOnly: true)
        readOnly.size = Size(width: 120, height: 40)
        let grid = DashboardView.render(readOnly)
        #expect(grid.row(0).contains("READ-ONLY"))
        #expect(!grid.row(39).contains("delete archive"))
    }

    @Test("marked rows, a batch under way, its question and the locked-repository list")
    func marksAndBatches() {
        var state = lively(Size(width: 100, height: 30))
        for _ in 0..<3 { _ = Reducer.reduce(&state, .key(.character(" "))) }
        _ = Reducer.reduce(&state, .key(.character("x")))
        Snapshot.assert(DashboardView.render(state), named: "confirm-batch-delete-100x30")
        _ = Reducer.reduce(&state, .drawn)
        _ = Reducer.reduce(&state, .key(.character("y")))
        Snapshot.assert(DashboardView.render(state), named: "marked-batch-100x30")
        _ = Reducer.reduce(&state, .key(.character("L")))
        Snapshot.assert(DashboardView.render(state), named: "locked-list-100x30")
    }

    @Test("wide characters take two columns and never split a border")
    func wideCharacters() {
        var state = lively(Size(width: 80, height: 24))
        _ = Reducer.reduce(&state, .importsDiscovered([RepositoryName(owner: "octo-org", name: "日本語のリポジトリ名前")]))
        let grid = DashboardView.render(state)
        for y in 0..<grid.height {
            #expect(DisplayWidth.of(grid.row(y)) == 80, "row \(y) is not 80 columns wide")
        }
    }

    @Test("a frame of 100,000 migrations builds only the visible rows")
    func hugeState() {
        var state = StateFixture.awaitingOrg()
        let many = (0..<100_000).map { index in
            StateFixture.migration(
                Int64(10_000 + index), .exported, created: -Double(index) * 60, repos: ["octo-org/r"])
        }
        Reducer.readWholeList(&state, StateFixture.org, many, at: StateFixture.now)
        let grid = DashboardView.render(state)
        #expect(grid.contains("Migrations (100001)"))
        #expect(grid.row(3).contains("10000"))
    }
}
