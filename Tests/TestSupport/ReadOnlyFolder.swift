import Foundation

/// Makes a folder that this process cannot write to: mode 0500, and for root (whom modes do not stop)
/// the immutable attribute as well. Shared by the journal tests and the end-to-end tests.
public enum ReadOnlyFolder {
    /// Locks the folder.
    public static func lock(_ path: String) throws {
        guard chmod(path, 0o500) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EPERM) }
        if geteuid() == 0 { _ = try run("chattr", ["+i", path]) }
    }

    /// Unlocks it, so that it can be removed.
    public static func unlock(_ path: String) {
        if geteuid() == 0 { _ = try? run("chattr", ["-i", path]) }
        chmod(path, 0o700)
    }

    private static func run(_ program: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try ProcessRunner.locate(program))
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
