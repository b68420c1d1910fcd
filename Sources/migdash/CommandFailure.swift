import ArgumentParser
import Foundation
import GitHubMigrations

/// A subcommand's failure: the one line printed on standard error, and the exit status.
enum CommandFailure: Error {
    /// The work failed (exit status 1).
    case failed(String)
    /// The command line, configuration or token was wrong (exit status 2).
    case usage(String)
    /// A signal stopped the work (exit status 128 + the signal, as a shell reports it).
    case interrupted(String, signal: Int32)
    /// GitHub (or the way to it) failed: the exit status follows `ExitStatus.of`.
    case api(GitHubError)
    /// What the user named is not there (exit status 4).
    case notFound(String)

    /// The failure for an error a call to GitHub threw: its own exit status when GitHub (or the way to
    /// it) reported it, else a plain failure.
    static func of(_ error: any Error) -> CommandFailure {
        (error as? GitHubError).map(CommandFailure.api) ?? .failed("\(error)")
    }

    /// Prints the line and leaves with the status.
    func exit() -> ExitCode {
        switch self {
        case .failed(let line):
            Self.printError("migdash: \(line)")
            return ExitCode(1)
        case .usage(let line):
            Self.printError(line.hasPrefix("migdash") ? line : "migdash: \(line)")
            return ExitCode(2)
        case .interrupted(let line, let signal):
            Self.printError("migdash: \(line)")
            return ExitCode(Interruption.exitStatus(signal))
        case .notFound(let line):
            Self.printError("migdash: \(line)")
            return ExitCode(ExitStatus.notFound)
        case .api(let error):
            Self.printError("migdash: \(error.userMessage)")
            return ExitCode(ExitStatus.of(error))
        }
    }

    private static func printError(_ text: String) {
        Console.error(text)
    }
}

extension Result where Failure == CommandFailure {
    /// The value, or the failure's line printed and its exit status thrown.
    func orExit() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let failure): throw failure.exit()
        }
    }
}
