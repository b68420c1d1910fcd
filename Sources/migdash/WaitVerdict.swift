import ArgumentParser
import DashboardCore
import Foundation
import GitHubMigrations

/// What `migdash wait` concludes from the dashboard core's state; nil while there is still reason to wait.
/// A rate limit or a network outage after the first answer is waited out, as the dashboard does (the
/// `--timeout` bounds it); an answer that no wait can change ends it at once.
enum WaitVerdict: Equatable {
    /// Every migration is exported or failed.
    case finished
    /// `--timeout` ran out with these still moving.
    case timedOut([Int64])
    /// GitHub answered for good: a migration not found, a permission refused, or no connection before
    /// anything answered (a wrong address). The id is nil for the account.
    case stopped(id: Int64?, status: Int32, line: String)

    init?(_ state: DashboardState, _ keys: [MigrationKey], limit: Date?) {
        if keys.allSatisfy({ state.migrations[$0]?.state.isFinished ?? false }) {
            self = .finished
            return
        }
        for key in keys {
            guard let entry = state.poll.entry(.migration(key)), let kind = entry.problemKind,
                [.notFound, .forbidden].contains(kind)
            else { continue }
            self = .stopped(id: key.id, status: Self.status(kind), line: entry.problem ?? "\(key.id) not found")
            return
        }
        if state.user == nil, let entry = state.poll.entry(.account), let kind = entry.problemKind,
            ![.rateLimited, .secondaryRateLimited].contains(kind)
        {
            self = .stopped(id: nil, status: Self.status(kind), line: entry.problem ?? "GitHub cannot be reached")
            return
        }
        if let limit, state.now >= limit {
            self = .timedOut(keys.filter { !(state.migrations[$0]?.state.isFinished ?? false) }.map(\.id))
            return
        }
        return nil
    }

    /// Ends the command as the verdict says: exit 0 when every migration is exported, else the table's status.
    func exit(_ state: DashboardState, _ keys: [MigrationKey]) throws {
        switch self {
        case .finished:
            let failed = keys.filter { state.migrations[$0]?.state == .failed }.map { String($0.id) }
            guard failed.isEmpty else {
                throw CommandFailure.failed("failed: \(failed.joined(separator: ", "))").exit()
            }
        case .timedOut(let waiting):
            Console.error("migdash: timed out waiting for \(waiting.map(String.init).joined(separator: ", "))")
            throw ExitCode(ExitStatus.timedOut)
        case .stopped(_, let status, let line):
            Console.error("migdash: \(line)")
            throw ExitCode(status)
        }
    }

    /// The exit status for a failure of this kind, from the one table.
    private static func status(_ kind: GitHubError.Kind) -> Int32 {
        ExitStatus.of(GitHubError(kind: kind, message: "", request: ""))
    }
}
