import Foundation

/// Runs helper commands (tmux, mostly) and collects what they print.
public enum ProcessRunner {
    /// What a finished command left behind.
    public struct Outcome: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output, decoded as UTF-8.
        public var output: String
        /// Standard error, decoded as UTF-8.
        public var errorOutput: String
    }

    /// A started command: its end and what it prints, still arriving.
    public struct Launched: Sendable {
        /// The command's process id, for signals.
        public var processID: Int32
        /// The command's end.
        public var exit: ProcessExit
        /// Standard output so far.
        public var output: PipeDrain
        /// Standard error so far.
        public var errors: PipeDrain

        /// Waits for the command to end and its pipes to close.
        public func outcome() async -> Outcome {
            let status = await exit.wait()
            return Outcome(
                status: status, output: String(decoding: await output.finish(), as: UTF8.self),
                errorOutput: String(decoding: await errors.finish(), as: UTF8.self))
        }
    }

    /// The full path of a program found on `PATH`.
    public static func locate(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw TestSupportError.programNotFound(name)
    }

    /// Runs `executable` with `arguments` and waits for it; `environment` nil keeps this process's.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil
    ) async throws -> Outcome {
        try await launch(executable, arguments, environment: environment).outcome()
    }

    /// Starts `executable` and returns at once; the caller may await `outcome()` or let it go.
    public static func launch(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil
    ) throws -> Launched {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let exit = ProcessExit(watching: process)
        try process.run()
        return Launched(
            processID: process.processIdentifier, exit: exit, output: PipeDrain(output.fileHandleForReading),
            errors: PipeDrain(errors.fileHandleForReading))
    }
}
