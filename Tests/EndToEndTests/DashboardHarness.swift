import Foundation
import TestSupport

/// A fresh simulator and the dashboard against it in a 120x40 tmux session, with a home directory of its own
/// so no developer's token, gh login or configuration leaks into a test.
final class DashboardHarness {
    /// Variables that could hand the dashboard a token or a configuration from the machine running the tests.
    static let leakyVariables = [
        "GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "GH_HOST", "GH_CONFIG_DIR",
        "XDG_CONFIG_HOME",
    ]

    /// The simulated GitHub.
    let simulator: SimulatorProcess
    /// The terminal the dashboard runs in.
    let tmux: TmuxSession
    /// The dashboard's home directory.
    let home: TemporaryDirectory

    /// Starts both. The default export time is long, so nothing changes unless a test advances the clock.
    /// `wrapper` runs the dashboard under another program (`strace …`), which then is the pane shell's child.
    init(
        simulatorArguments: [String] = ["--export-seconds", "600"], dashboardArguments: [String] = [],
        afterExit: String? = nil, token: String = SimulatorProcess.defaultToken,
        environment: [String: String] = [:], wrapper: [String] = []
    ) async throws {
        simulator = try await SimulatorProcess(arguments: simulatorArguments)
        home = try TemporaryDirectory(prefix: "migdash-e2e-home")
        let words =
            wrapper
            + [
                try MigdashBinary.path, "--api-url", simulator.apiURL, "--token-file",
                try Self.tokenFile(token, in: home),
            ]
            + dashboardArguments
        tmux = try await TmuxSession(
            command: Shell.command(words), afterExit: afterExit,
            environment: environment.merging(["HOME": home.path]) { _, home in home },
            removing: Self.leakyVariables, directory: home.path)
    }

    deinit {
        tmux.kill()
        simulator.terminate()
    }

    /// A file holding `token`, readable by its owner only, as `--token-file` requires: a token on the
    /// command line would make every dashboard print its warning about `--token`.
    static func tokenFile(_ token: String, in home: TemporaryDirectory) throws -> String {
        let path = home.path + "/token"
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(token.utf8), attributes: [.posixPermissions: 0o600])
        else { throw TestSupportError.unexpectedResponse("could not write \(path)") }
        return path
    }

    /// Waits until the seeded migrations are listed and the status bar says `live`.
    @discardableResult
    func waitForDashboard() async throws -> String {
        // A launch on a loaded two-core machine (CI builds beside it) can take several seconds.
        try await tmux.waitFor("the seeded migrations, the imports and `live`", timeout: .seconds(30)) { screen in
            screen.contains("Migrations (11)") && screen.contains("Source imports (3)")
                && Screen.header(screen).contains("updated")
        }
    }

    /// Moves the migrations pane's selection with `j` until migration `id` is selected.
    func select(migration id: Int) async throws {
        for _ in 0..<20 {
            let screen = try await tmux.capture()
            let selected = Screen.selectedMigration(screen)
            if selected == id { return }
            try await tmux.send(keys: "j")
            try await tmux.waitFor("the selection to move from \(selected.map(String.init) ?? "nothing")") {
                Screen.selectedMigration($0) != selected
            }
        }
        throw TestSupportError.unexpectedResponse("migration \(id) never became selected")
    }

    /// The dashboard's process id: the child of the pane's shell.
    func dashboardPID() async throws -> Int32 {
        guard let pid = ProcessTable.children(of: try await tmux.panePID(), named: "migdash").first else {
            throw TestSupportError.unexpectedResponse("no migdash process under the tmux pane")
        }
        return pid
    }
}
