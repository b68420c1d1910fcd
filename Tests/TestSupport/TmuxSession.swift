import Foundation
import Synchronization

/// A command running in a detached tmux session on its own server, driven with keys and read as text.
///
/// Each session has a socket of its own (`tmux -L NAME -f /dev/null`), so tests never see each other's
/// panes or a user's configuration. The pane runs `COMMAND; echo EXIT=$?; AFTER; sleep 30`, so it stays
/// readable after the command ends. The server is killed by `kill()` or when the session is released.
public final class TmuxSession: Sendable {
    /// The socket name, unique to this session.
    public let socket: String
    private let tmux: String
    private let environment: [String: String]
    private let killed = Mutex(false)
    private static let target = "main"
    private static let counter = Mutex(0)

    /// Starts `command` in a new session of `width` x `height` cells.
    ///
    /// - Parameters:
    ///   - afterExit: shell text run after `echo EXIT=$?`, e.g. `stty -a` to show the terminal modes left behind.
    ///   - environment: variables set for the command, over this process's environment.
    ///   - removing: variables taken out of the command's environment.
    ///   - directory: the command's working directory.
    public init(
        command: String, afterExit: String? = nil, width: Int = 120, height: Int = 40,
        environment overrides: [String: String] = [:], removing: [String] = [], directory: String? = nil
    ) async throws {
        tmux = try ProcessRunner.locate("tmux")
        let number = Self.counter.withLock {
            $0 += 1
            return $0
        }
        socket = "migdash-e2e-\(getpid())-\(number)-\(UInt32.random(in: 0...UInt32.max))"
        var environment = ProcessInfo.processInfo.environment
        for name in ["TMUX", "TMUX_PANE", "LC_ALL", "LC_CTYPE"] + removing { environment[name] = nil }
        environment["LANG"] = "C.UTF-8"
        // A crash must not leave the backtracer waiting 30 s for input in the pane.
        environment["SWIFT_BACKTRACE"] = "interactive=no"
        environment.merge(overrides) { _, new in new }
        self.environment = environment
        let script = [command, "echo EXIT=$?", afterExit, "sleep 30"].compactMap { $0 }.joined(separator: "; ")
        var arguments = ["new-session", "-d", "-s", Self.target, "-x", String(width), "-y", String(height)]
        if let directory { arguments += ["-c", directory] }
        try await startServer(arguments + [script])
    }

    deinit { kill() }

    /// Sends named keys (`j`, `Enter`, `Escape`, `C-c`, `Tab`), each as one key press.
    public func send(keys: String...) async throws {
        try await tmuxCommand(["send-keys", "-t", Self.target] + keys)
    }

    /// Types text literally, character by character.
    public func type(_ text: String) async throws {
        try await tmuxCommand(["send-keys", "-t", Self.target, "-l", text])
    }

    /// The pane's text as shown now, one line per row; `joinWrapped` joins lines the terminal wrapped.
    public func capture(joinWrapped: Bool = false) async throws -> String {
        try await tmuxCommand(["capture-pane", "-p", "-t", Self.target] + (joinWrapped ? ["-J"] : []))
    }

    /// Resizes the window; the program in it sees the new size as a terminal resize.
    public func resize(width: Int, height: Int) async throws {
        try await tmuxCommand(["resize-window", "-t", Self.target, "-x", String(width), "-y", String(height)])
    }

    /// Appends every byte the pane's program writes from now on to `path`.
    public func recordOutput(to path: String) async throws {
        let quoted = "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        try await tmuxCommand(["pipe-pane", "-o", "-t", Self.target, "cat >> \(quoted)"])
    }

    /// Sets a server option (`set-option -s NAME VALUE`), such as `set-clipboard on`.
    public func setServerOption(_ name: String, _ value: String) async throws {
        try await tmuxCommand(["set-option", "-s", name, value])
    }

    /// The newest paste buffer's text (what an OSC 52 copy put there with `set-clipboard on`); nil while
    /// there is none.
    public func newestBuffer() async throws -> String? {
        let outcome = try await ProcessRunner.run(
            tmux, ["-L", socket, "-f", "/dev/null", "show-buffer"], environment: environment)
        return outcome.status == 0 ? outcome.output : nil
    }

    /// The process id of the pane's shell; the command under test is its child.
    public func panePID() async throws -> Int32 {
        let text = try await tmuxCommand(["display-message", "-p", "-t", Self.target, "#{pane_pid}"])
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TestSupportError.unexpectedResponse("tmux gave no pane pid: \(text)")
        }
        return pid
    }

    /// Polls the screen every 20 ms until it contains `text`, and returns that screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(10)) async throws -> String {
        try await waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen every 20 ms until `condition` holds, and returns that screen; on time-out throws
    /// `TestSupportError.screenTimeout` with `description` and the last screen.
    @discardableResult
    public func waitFor(
        _ description: String, timeout: Duration = .seconds(10), until condition: (String) -> Bool
    ) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var screen = ""
        while true {
            screen = try await capture()
            if condition(screen) { return screen }
            if clock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) * 1e-18
        throw TestSupportError.screenTimeout(waitingFor: description, seconds: seconds, lastScreen: screen)
    }

    /// Waits for the command to end and returns its exit status, read from the `EXIT=N` line.
    public func waitForExit(timeout: Duration = .seconds(10)) async throws -> Int32 {
        let screen = try await waitFor("EXIT=N", timeout: timeout) { Self.exitStatus(in: $0) != nil }
        return Self.exitStatus(in: screen)!
    }

    /// Ends the server and everything running in it, and removes its socket. Safe to call more than once.
    ///
    /// Blocks for the few milliseconds `kill-server` takes, so a `deinit` can call it.
    public func kill() {
        let first = killed.withLock { wasKilled in
            defer { wasKilled = true }
            return !wasKilled
        }
        guard first else { return }
        CleanSpawn.runBlocking(tmux, ["-L", socket, "kill-server"], environment: environment)
        unlink(socketPath)
    }

    /// Where tmux puts a socket named with `-L`: `$TMUX_TMPDIR/tmux-UID/NAME`, `/tmp` by default.
    private var socketPath: String {
        let directory = environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return "\(directory)/tmux-\(getuid())/\(socket)"
    }

    private static func exitStatus(in screen: String) -> Int32? {
        for line in screen.split(separator: "\n") where line.hasPrefix("EXIT=") {
            if let status = Int32(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) { return status }
        }
        return nil
    }

    /// Runs the command that starts the server through `CleanSpawn`, so the server and its panes start
    /// with no signal blocked and none of this process's descriptors.
    private func startServer(_ arguments: [String]) async throws {
        let errors = try TemporaryDirectory(prefix: "migdash-e2e-tmux")
        let errorPath = errors.path + "/stderr"
        let status = try await CleanSpawn.run(
            tmux, ["-L", socket, "-f", "/dev/null"] + arguments, environment: environment, errorPath: errorPath)
        guard status == 0 else {
            let text = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw TestSupportError.commandFailed(
                command: "tmux " + arguments.joined(separator: " "), status: status, output: text)
        }
    }

    @discardableResult
    private func tmuxCommand(_ arguments: [String]) async throws -> String {
        let outcome = try await ProcessRunner.run(
            tmux, ["-L", socket, "-f", "/dev/null"] + arguments, environment: environment)
        guard outcome.status == 0 else {
            throw TestSupportError.commandFailed(
                command: "tmux " + arguments.joined(separator: " "), status: outcome.status,
                output: outcome.errorOutput + outcome.output)
        }
        return outcome.output
    }
}
