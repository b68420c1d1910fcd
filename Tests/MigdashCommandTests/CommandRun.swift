import Foundation
import TestSupport

/// Runs the built `migdash` with a clean environment: no token, config or gh hosts from this machine.
struct CommandRun {
    /// A home for config lookups, empty, so nothing of this machine's settings leaks in.
    let home: TemporaryDirectory

    init() throws {
        home = try TemporaryDirectory(prefix: "migdash-cli-home")
    }

    /// The variables every run gets: the empty home for HOME and both config directories.
    var environment: [String: String] {
        [
            "HOME": home.path, "XDG_CONFIG_HOME": home.path, "GH_CONFIG_DIR": home.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "SWIFT_BACKTRACE": "interactive=no",
        ]
    }

    /// A file holding the simulator's token, readable by its owner only, for `--token-file`: tests
    /// give tokens as users should, never on the command line (where `--token` warns).
    static let simulatorTokenFile: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "migdash-test-token-\(getpid())"
        ).path
        FileManager.default.createFile(
            atPath: path, contents: Data((SimulatorProcess.defaultToken + "\n").utf8),
            attributes: [.posixPermissions: 0o600])
        chmod(path, 0o600)
        return path
    }()

    /// Variables a tmux pane must not inherit from the test process: a developer's own token or host.
    static let inheritedCredentials = [
        "GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "GH_HOST",
    ]

    /// Runs `migdash ARGUMENTS` and waits for it; `adding` sets more variables (a token, `GH_HOST`).
    func migdash(_ arguments: [String], adding extra: [String: String] = [:]) async throws -> ProcessRunner.Outcome {
        try await ProcessRunner.run(
            try MigdashBinary.path, arguments, environment: environment.merging(extra) { _, new in new })
    }

    /// Runs `printf '%s\n' "$MIGDASH_TEST_INPUT" | migdash ARGUMENTS` in `sh`: the text arrives on
    /// standard input, as from a password manager, and never on a command line.
    func migdash(_ arguments: [String], standardInput text: String) async throws -> ProcessRunner.Outcome {
        let line = #"printf '%s\n' "$MIGDASH_TEST_INPUT" | "# + (try Self.shellLine(arguments))
        return try await ProcessRunner.run(
            "/bin/sh", ["-c", line], environment: environment.merging(["MIGDASH_TEST_INPUT": text]) { _, new in new })
    }

    /// Writes `contents` to a file in the home with `mode`, and returns its path.
    func file(_ name: String, _ contents: String, mode: mode_t = 0o600) throws -> String {
        let path = home.path + "/" + name
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return path
    }

    /// `ARGUMENTS` quoted for the shell line a tmux pane runs.
    static func shellLine(_ arguments: [String]) throws -> String {
        ([try MigdashBinary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
    }
}
