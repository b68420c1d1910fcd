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

    /// Runs `migdash ARGUMENTS` and waits for it.
    func migdash(_ arguments: [String]) async throws -> ProcessRunner.Outcome {
        try await ProcessRunner.run(try MigdashBinary.path, arguments, environment: environment)
    }

    /// `ARGUMENTS` quoted for the shell line a tmux pane runs.
    static func shellLine(_ arguments: [String]) throws -> String {
        ([try MigdashBinary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
    }
}
