import ArgumentParser
import DashboardApp
import DashboardCore
import Foundation
import GitHubMigrations
import Synchronization

/// `migdash wait`: until every migration named is `exported` or `failed`, with conditional requests.
struct WaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait",
        abstract: "Wait until migrations are exported or failed.",
        discussion: """
            Asks GitHub with conditional requests (an unchanged answer costs no rate limit), as often as the \
            dashboard's poll planner allows for this many migrations within its budget of 60 requests a minute \
            (every 3 s for up to 16). Prints a line for each change of state, and --json the migrations at the \
            end. Exit status: 0 all exported, 1 any failed, 124 --timeout ran out; 3, 4, 5 and 6 as for \
            every command (docs/cli.md).
            """
    )

    @OptionGroup var owner: ScopeOptions

    @Argument(help: "The migrations' ids.")
    var ids: [Int64]

    @Option(help: "Give up after this long: 90s, 30m, 2h, 1h30m (default: no limit).")
    var timeout: String?

    @Flag(help: "Print the migrations as a JSON array at the end, as migdash list --json does.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard !ids.isEmpty, ids.count <= 1_000 else { throw ValidationError("Give from 1 to 1000 migration ids.") }
        if let timeout, DurationText.seconds(timeout) == nil {
            throw ValidationError("--timeout \(timeout) is not a duration such as 90s, 30m or 2h.")
        }
    }

    func run() async throws {
        let (client, _) = try Result { () throws(CommandFailure) in try connection.client() }.orExit()
        let scope = owner.scope
        let seen = SeenMigrations()
        // The deadline is kept by its own task: an answer stalled or a rate-limit wait in the middle of a
        // round must not carry the command past --timeout.
        let deadline = timeout.flatMap(DurationText.seconds).map { seconds in
            Task { [ids] in
                try await Task.sleep(for: .seconds(seconds))
                let waiting = seen.latest.withLock { latest in ids.filter { !(latest[$0]?.state.isFinished ?? false) } }
                Console.error("migdash: timed out waiting for \(waiting.map(String.init).joined(separator: ", "))")
                Foundation.exit(ExitStatus.timedOut)
            }
        }
        let outcome = await watch(client, scope, seen: seen)
        deadline?.cancel()
        try? await client.shutdown()
        let finished = try outcome.orExit()
        if json {
            let rows = ids.compactMap { id in finished[id].map { ListedMigration($0, scope: scope, downloaded: nil) } }
            try Console.json(rows)
        }
        let failed = ids.filter { finished[$0]?.state == .failed }
        guard failed.isEmpty else {
            throw CommandFailure.failed("failed: \(failed.map(String.init).joined(separator: ", "))").exit()
        }
    }

    /// Asks about each migration still moving, at the planner's interval, until none is; what it has
    /// seen goes to `seen` as it arrives.
    private func watch(_ client: GitHubClient, _ scope: MigrationScope, seen: SeenMigrations)
        async -> Result<[Int64: Migration], CommandFailure>
    {
        let interval = PollPlanner.intervals(
            fast: ids.count, discovery: 0, history: 0, budget: RequestBudget().pollingShare
        ).fast
        var latest: [Int64: Migration] = [:]
        do {
            while true {
                for id in ids where !(latest[id]?.state.isFinished ?? false) {
                    guard let migration = try await client.migrationIfChanged(scope, id: id) else { continue }
                    if latest[id]?.state != migration.state {
                        let from = latest[id].map { "\($0.state.rawValue) → " } ?? ""
                        Console.line("\(id) \(scope)  \(from)\(migration.state.rawValue)")
                    }
                    latest[id] = migration
                    seen.latest.withLock { $0[id] = migration }
                }
                if ids.allSatisfy({ latest[$0]?.state.isFinished ?? false }) { return .success(latest) }
                try await Task.sleep(for: .seconds(interval))
            }
        } catch {
            return .failure(.of(error))
        }
    }
}

/// The migrations `wait` has seen so far, read by the task that keeps its deadline.
final class SeenMigrations: Sendable {
    /// The latest answer for each id.
    let latest = Mutex<[Int64: Migration]>([:])
}
