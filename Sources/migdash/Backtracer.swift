import Foundation

/// Swift's crash backtracer, when it runs on a terminal, prints over the screen and then waits up to
/// 30 s for a key (`Press space to interact…`): a crashed dashboard would hold the terminal, and a
/// user over SSH would not know why. Unless the user chose a setting of their own, migdash runs with
/// `SWIFT_BACKTRACE=interactive=no,output-to=DIR`: the report goes to a file in migdash's state folder
/// (`$XDG_STATE_HOME/migdash/crashes`, else `~/.local/state/migdash/crashes`), the terminal shows one
/// line, and the process ends at once with status 128+N.
enum Backtracer {
    /// Starts the process again with the setting when it is missing: the runtime reads the variable
    /// only at start-up, so setting it now would be too late for this process. Does nothing off a
    /// terminal (where the backtracer does not wait anyway), when the user set the variable, or when
    /// the restart fails.
    static func makeNonInteractive() {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return }
        let environment = ProcessInfo.processInfo.environment
        let current = environment["SWIFT_BACKTRACE"] ?? ""
        guard !current.contains("interactive") else { return }
        // The executable's own path, not /proc/self/exe, so the process keeps its name in `ps`.
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return
        }
        // Fast symbols (no inline frames or line numbers from DWARF): the report still names every function,
        // and a crash on a loaded server ends in seconds rather than a minute of reading debug info.
        var setting = current.isEmpty ? "interactive=no,symbolicate=fast" : current + ",interactive=no"
        if current.isEmpty, let folder = crashFolder(environment) { setting += ",output-to=\(folder)" }
        setenv("SWIFT_BACKTRACE", setting, 1)
        execv(executable, CommandLine.unsafeArgv)
    }

    /// The folder for crash reports, made private to the user; nil when it cannot be made.
    static func crashFolder(_ environment: [String: String]) -> String? {
        let state =
            environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? environment["HOME"].map { $0 + "/.local/state" }
        guard let folder = state.map({ $0 + "/migdash/crashes" }), !folder.contains(",") else { return nil }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return nil
        }
        return folder
    }
}
