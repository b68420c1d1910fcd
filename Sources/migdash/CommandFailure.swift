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
    /// The way to the data failed: an archive storage that kept failing or cutting off (exit status 6).
    case network(String)
    /// Sums up several failures that share `status` (or 1 when their statuses differ).
    case summary(String, status: Int32)

    /// The failure for an error a call to GitHub threw: its own exit status when GitHub (or the way to
    /// it) reported it, else a plain failure.
    static func of(_ error: any Error) -> CommandFailure {
        (error as? GitHubError).map(CommandFailure.api) ?? .failed("\(error)")
    }

    /// What went wrong, without the `migdash: ` in front (`migdash backup` puts the scope there).
    var detail: String {
        switch self {
        case .failed(let text), .usage(let text), .interrupted(let text, _), .notFound(let text), .network(let text),
            .summary(let text, _):
            text
        case .api(let error): error.userMessage
        }
    }

    /// The exit status from the table in docs/cli.md.
    var status: Int32 {
        switch self {
        case .failed: ExitStatus.failed
        case .usage: ExitStatus.usage
        case .interrupted(_, let signal): Interruption.exitStatus(signal)
        case .api(let error): ExitStatus.of(error)
        case .notFound: ExitStatus.notFound
        case .network: ExitStatus.network
        case .summary(_, let status): status
        }
    }

    /// The one line for standard error, `migdash: ` first.
    var line: String {
        if case .usage(let text) = self, text.hasPrefix("migdash") { return text }
        return "migdash: \(detail)"
    }

    /// Prints the line and leaves with the status.
    func exit() -> ExitCode {
        Console.error(line)
        return ExitCode(status)
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
