import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts a program as a login shell would: no signal blocked or ignored, no descriptor inherited
/// but standard input, output and error.
///
/// `Process` starts children from whatever thread calls it, and in async code that is a worker thread
/// that blocks almost every signal; a tmux server started that way passes the mask to its panes, whose
/// programs then never see SIGHUP or SIGWINCH. A server also holds whatever descriptors it inherits
/// for its whole life, among them the one `Process` uses to learn that a child ended.
public enum CleanSpawn {
    /// Runs `executable` and waits for it; standard error goes to `errorPath`, the rest to `/dev/null`.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], errorPath: String
    ) async throws -> Int32 {
        let pid = try spawn(executable, arguments, environment: environment, errorPath: errorPath)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR {
                throw TestSupportError.unexpectedResponse("waitpid failed for \(executable): errno \(errno)")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        return exitStatus(status)
    }

    /// Runs `executable` and blocks until it ends, for clean-up in a `deinit`; returns its exit status.
    @discardableResult
    public static func runBlocking(
        _ executable: String, _ arguments: [String], environment: [String: String], errorPath: String = "/dev/null"
    ) -> Int32 {
        guard let pid = try? spawn(executable, arguments, environment: environment, errorPath: errorPath) else {
            return -1
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return exitStatus(status)
    }

    // WIFEXITED / WEXITSTATUS are macros Swift cannot see.
    private static func exitStatus(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String], errorPath: String
    ) throws -> pid_t {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Closing a descriptor that is no longer open is not an error for posix_spawn.
        for descriptor in openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw TestSupportError.unexpectedResponse("cannot start \(executable): errno \(result)")
        }
        return pid
    }

    private static func openDescriptors() -> [Int32] {
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        if !listed.isEmpty { return listed.compactMap { Int32($0) } }
        return Array(3..<256)
    }
}
