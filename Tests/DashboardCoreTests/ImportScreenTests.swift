import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@Suite("Screens of the import dialogs, compared with recorded snapshots")
struct ImportScreenTests {
    let tfs = RepositoryName(owner: "octo-org", name: "vendor-tfs")

    private func following(_ progress: SourceImport, size: Size) -> DashboardState {
        var state = StateFixture.populated(size: size)
        let legacy = RepositoryName(owner: "octo-org", name: "legacy-svn")
        _ = Reducer.reduce(&state, .importsDiscovered([legacy, tfs]))
        _ = Reducer.reduce(
            &state,
            .importLoaded(legacy, StateFixture.sourceImport("importing", percent: 78, commits: 1042), at: state.now))
        _ = Reducer.reduce(&state, .importLoaded(tfs, progress, at: state.now))
        _ = Reducer.reduce(&state, .key(.character("3")))
        _ = Reducer.reduce(&state, .key(.character("j")))
        return state
    }

    @Test(
        "an import that failed authentication, and its credentials dialog with the password as bullets",
        arguments: [(80, 24), (60, 15)])
    func credentials(width: Int, height: Int) {
        var state = following(ImportPayload.needingCredentials("auth_failed"), size: Size(width: width, height: height))
        Snapshot.assert(DashboardView.render(state), named: "import-auth-failed-\(width)x\(height)")
        _ = Reducer.reduce(&state, .key(.character("i")))
        for c in "jdoe" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = Reducer.reduce(&state, .key(.tab))
        for c in "hunter2" { _ = Reducer.reduce(&state, .key(.character(c))) }
        Snapshot.assert(DashboardView.render(state), named: "import-credentials-\(width)x\(height)")
    }

    @Test("the project choice at 120x40 and 60x15", arguments: [(120, 40), (60, 15)])
    func projectChoice(width: Int, height: Int) {
        var state = following(ImportPayload.multiple, size: Size(width: width, height: height))
        _ = Reducer.reduce(&state, .key(.character("i")))
        _ = Reducer.reduce(&state, .key(.down))
        Snapshot.assert(DashboardView.render(state), named: "import-choice-\(width)x\(height)")
    }
}
