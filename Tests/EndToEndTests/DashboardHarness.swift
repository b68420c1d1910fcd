import Foundation
import TestSupport

/// A fresh simulator and the dashboard against it in a 120x40 tmux session, with a home directory of its own
/// so no developer's token, gh login or configuration leaks into a test, and no test writes to a developer's journal.
final class DashboardHarness {
    /// Variables that could hand the dashboard a token or a configuration from the machine running the tests,
    /// or send its journal to the developer's own state folder.
    static let leakyVariables = [
        "GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "GH_HOST", "GH_CONFIG_DIR",
        "XDG_CONFIG_HOME", "XDG_STATE_HOME",
    ]

    /// The simulated GitHub.
    let simulator: SimulatorProcess
    /// The terminal the dashboard runs in; a new one after `relaunch()`.
    private(set) var tmux: TmuxSession
    /// The dashboard's home directory.
    let home: TemporaryDirectory
    /// The pane's command line, kept for `relaunch()`.
    private let command: String
    /// The pane's variables, kept for `relaunch()`.
    private let environment: [String: String]

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
        command = Shell.command(words)
        self.environment = environment.merging(["HOME": home.path]) { _, home in home }
        tmux = try await TmuxSession(
            command: command, afterExit: afterExit, environment: self.environment, removing: Self.leakyVariables,
            directory: home.path)
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

    /// Ends the dashboard's session and starts the same command in a new one: a restart, with the same
    /// home, simulator and arguments.
    func relaunch() async throws {
        tmux.kill()
        tmux = try await TmuxSession(
            command: command, environment: environment, removing: Self.leakyVariables, directory: home.path)
    }

    /// Runs `migdash ARGUMENTS --api-url … --token-file …` as the dashboard would, in its home, and waits for it.
    func migdash(_ arguments: [String]) async throws -> ProcessRunner.Outcome {
        var variables = ProcessInfo.processInfo.environment
        for name in Self.leakyVariables { variables[name] = nil }
        variables.merge(environment) { _, new in new }
        variables["SWIFT_BACKTRACE"] = "interactive=no"
        let connection = ["--api-url", simulator.apiURL, "--token-file", home.path + "/token"]
        return try await ProcessRunner.run(try MigdashBinary.path, arguments + connection, environment: variables)
    }

    /// The journal files in the home's default place (`~/.local/state/migdash`), by name.
    func defaultJournalFiles() -> [String] {
        let folder = home.path + "/.local/state/migdash"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
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

    /// Moves the migrations pane's selection with `j` (or `k`, when `id` is listed above it) until
    /// migration `id` is selected.
    func select(migration id: Int) async throws {
        for _ in 0..<20 {
            let screen = try await tmux.capture()
            let selected = Screen.selectedMigration(screen)
            if selected == id { return }
            let lines = screen.split(separator: "\n")
            let target = lines.firstIndex { $0 == Screen.migrationRow(id, in: screen) }
            let current = lines.firstIndex { $0.hasPrefix("│▸") }
            var up = false
            if let target, let current { up = target < current }
            try await tmux.send(keys: up ? "k" : "j")
            try await tmux.waitFor("the selection to move from \(selected.map(String.init) ?? "nothing")") {
                Screen.selectedMigration($0) != selected
            }
        }
        throw TestSupportError.unexpectedResponse("migration \(id) never became selected")
    }

    /// Marks migrations `ids` with `Space`, each after selecting it, and waits for the pane's title to count them.
    func mark(migrations ids: [Int]) async throws {
        for id in ids {
            try await select(migration: id)
            try await tmux.send(keys: "Space")
            try await tmux.waitFor("the mark on \(id)") { Screen.isMarked(id, in: $0) }
        }
        try await tmux.waitFor("the pane's title to count \(ids.count) marked") { $0.contains("\(ids.count) marked") }
    }

    /// After a confirmation was answered: waits for the question to close, then reads every screen
    /// until Activity shows `summary` (a minute at most), keeping the distinct status bars seen and
    /// every screen on which `question` holds, which a batch that asks once leaves empty.
    func watchBatch(summary: String, question: (String) -> Bool) async throws -> (
        headers: [String], questions: [String]
    ) {
        try await tmux.waitFor("the question to close", until: { !question($0) })
        var headers: [String] = []
        var questions: [String] = []
        try await tmux.waitFor("\"\(summary)\" in Activity", timeout: .seconds(60)) { screen in
            let header = String(Screen.header(screen))
            if headers.last != header { headers.append(header) }
            if question(screen) { questions.append(screen) }
            return Screen.activity(screen).contains { $0.contains(summary) }
        }
        return (headers, questions)
    }

    /// Every line of the Activity pane down to the first containing `last` (or to the end), read by
    /// focusing the pane and paging down: the pane shows a few lines at a time.
    func activityLines(through last: String) async throws -> [String] {
        try await tmux.send(keys: "4", "g")
        var lines: [String] = []
        for _ in 0..<100 {
            let screen = try await tmux.capture()
            // The same line selected or not is one line: the marker moves as the page does.
            let shown = Screen.activity(screen).map { $0.replacingOccurrences(of: "│▸", with: "│ ") }
            lines += shown.filter { !lines.contains($0) }
            if lines.contains(where: { $0.contains(last) }) { break }
            try await tmux.send(keys: "NPage")
            // At the end of the list the page does not move.
            guard
                (try? await tmux.waitFor("the next page of Activity", timeout: .seconds(3), until: { $0 != screen }))
                    != nil
            else { break }
        }
        return lines
    }

    /// The dashboard's process id: the child of the pane's shell.
    func dashboardPID() async throws -> Int32 {
        guard let pid = ProcessTable.children(of: try await tmux.panePID(), named: "migdash").first else {
            throw TestSupportError.unexpectedResponse("no migdash process under the tmux pane")
        }
        return pid
    }
}
