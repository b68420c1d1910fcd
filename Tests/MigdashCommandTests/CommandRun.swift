import Foundation
import TestSupport

/// Runs the built `migdash` with a clean environment: no token, config or gh hosts from this machine.
struct CommandRun {
    /// A home for config lookups, empty, so nothing of this machine's settings leaks in.
    let home: TemporaryDirectory

    init() throws {
        home = try TemporaryDirectory(prefix: "migdash-cli-home")
    }

    /// Runs `migdash ARGUMENTS` and waits for it.
    func migdash(_ arguments: [String]) async throws -> ProcessRunner.Outcome {
        let environment = [
            "HOME": home.path, "XDG_CONFIG_HOME": home.path, "GH_CONFIG_DIR": home.path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "SWIFT_BACKTRACE": "interactive=no",
        ]
        return try await ProcessRunner.run(try MigdashBinary.path, arguments, environment: environment)
    }
}
