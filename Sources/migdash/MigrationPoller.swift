import DashboardCore
import Foundation
import GitHubMigrations

/// The one loop `migdash wait` and `migdash backup` follow migrations with: conditional requests at the
/// dashboard's poll planner interval, a line for each change of state, until each is `exported` or `failed`.
struct MigrationPoller {
    /// The API client.
    let client: GitHubClient
    /// Whose migrations they are.
    let scope: MigrationScope
    /// The migrations followed.
    let ids: [Int64]

    /// How following ended.
    enum Outcome {
        /// Every migration is finished: the latest of each, by id.
        case finished([Int64: Migration])
        /// The limit passed first; these were still moving.
        case timedOut([Int64])
    }

    /// Seconds between two rounds: what the planner allows for this many moving migrations within the
    /// polling share of the budget (every 3 s for up to 16).
    var interval: Double {
        PollPlanner.intervals(fast: ids.count, discovery: 0, history: 0, budget: RequestBudget().pollingShare).fast
    }

    /// Asks about each migration still moving, at the planner's interval, until none is or `limit` passes.
    /// - Throws: the client's error for a request that failed, or `CancellationError`.
    func follow(until limit: Date?) async throws -> Outcome {
        var latest: [Int64: Migration] = [:]
        while true {
            for id in ids where !(latest[id]?.state.isFinished ?? false) {
                guard let migration = try await client.migrationIfChanged(scope, id: id) else { continue }
                if latest[id]?.state != migration.state {
                    let from = latest[id].map { "\($0.state.rawValue) → " } ?? ""
                    Console.line("\(id) \(scope)  \(from)\(migration.state.rawValue)")
                }
                latest[id] = migration
            }
            if ids.allSatisfy({ latest[$0]?.state.isFinished ?? false }) { return .finished(latest) }
            var pause = interval
            if let limit {
                let left = limit.timeIntervalSinceNow
                guard left > 0 else { return .timedOut(ids.filter { !(latest[$0]?.state.isFinished ?? false) }) }
                pause = min(pause, left)
            }
            try await Task.sleep(for: .seconds(pause))
        }
    }
}
