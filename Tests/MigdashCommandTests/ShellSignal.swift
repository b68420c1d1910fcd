import Foundation
import TestSupport
import Testing

/// Runs a command under bash, signals it, and reports the status bash saw: what a script's `$?` holds.
enum ShellSignal {
    /// Starts `migdash ARGUMENTS` as a bash job (job control on, so SIGINT is not ignored as it is for a
    /// background command of a plain script), sends `signal` once `ready` holds, and returns bash's `$?`.
    static func send(
        _ signal: Int32, to arguments: [String], _ run: CommandRun, once ready: () async throws -> Bool
    ) async throws -> Int32? {
        let pidFile = run.home.path + "/pid-\(UUID().uuidString)"
        let script = #"set -m; "$0" "$@" >/dev/null 2>&1 & echo $! > "$MIGDASH_TEST_PID"; wait $!; echo "status=$?""#
        var environment = run.environment
        environment["MIGDASH_TEST_PID"] = pidFile
        let job = try ProcessRunner.launch(
            "/bin/bash", ["-c", script, try MigdashBinary.path] + arguments, environment: environment)
        var pid: Int32?
        try await Polling.until("the command's process id", timeout: .seconds(60)) {
            let text = try? String(contentsOfFile: pidFile, encoding: .utf8)
            pid = text.flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            return pid != nil
        }
        try await Polling.until("the command to be at work", timeout: .seconds(60), ready)
        kill(try #require(pid), signal)
        let outcome = await job.outcome()
        return outcome.output.split(separator: "\n").last { $0.hasPrefix("status=") }
            .flatMap { Int32($0.dropFirst("status=".count)) }
    }
}
