import ArgumentParser
import DashboardApp
import DashboardCore
import Foundation
import GitHubMigrations

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
        let limit = timeout.flatMap(DurationText.seconds).map { Date().addingTimeInterval($0) }
        let outcome = await watch(client, scope, until: limit)
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

    /// Follows the migrations with the shared poller; a timeout ends the process with 124 and their ids.
    private func watch(_ client: GitHubClient, _ scope: MigrationScope, until limit: Date?) async -> Result<
        [Int64: Migration], CommandFailure
    > {
        do {
            switch try await MigrationPoller(client: client, scope: scope, ids: ids).follow(until: limit) {
            case .finished(let latest):
                return .success(latest)
            case .timedOut(let waiting):
                Console.error("migdash: timed out waiting for \(waiting.map(String.init).joined(separator: ", "))")
                Foundation.exit(ExitStatus.timedOut)
            }
        } catch {
            return .failure(.of(error))
        }
    }
}
