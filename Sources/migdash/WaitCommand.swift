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
            Runs the dashboard's polling core on these migrations alone: conditional requests (an unchanged \
            answer costs no rate limit), as often as the poll planner allows for this many within its budget \
            of 60 requests a minute (every 3 s for up to 16). Rate limits and outages after the first answer \
            are waited out. Prints a line for each change of state, and --json the migrations at the end. \
            Exit status: 0 all exported, 1 any failed, 124 --timeout ran out, 3 token or permission refused, \
            4 not found, 6 GitHub unreachable at the start (docs/cli.md).
            """
    )

    @OptionGroup var owner: ScopeOptions

    @Argument(help: "The migrations' ids.")
    var ids: [Int64]

    @Option(help: "Give up after this long: 90s, 30m, 2h, 1h30m, 7d (default: no limit).")
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
        let scope = owner.scope
        let keys = ids.map { MigrationKey(scope: scope, id: $0) }
        let (settings, token) = try Result { () throws(CommandFailure) in try connection.headlessSettings() }.orExit()
        var followed = settings
        // The dashboard's core, following these migrations alone: no list read, no import probed, nothing
        // downloaded even when the configuration says auto_download.
        followed.session = settings.session.following(keys)
        let limit = timeout.flatMap(DurationText.seconds).map { Date().addingTimeInterval($0) }
        let outcome = await WatchLauncher.run(
            followed, token: token, options: .sayingJournalNotices { Console.error("migdash: \($0)") }, deadline: limit,
            done: { state in WaitVerdict(state, keys, limit: limit) != nil },
            // With --json standard output is the JSON document alone: the lines go to standard error, and
            // only when a person reads it there (a script asked for the document, not a log).
            emit: { [json] events in
                let lines = events.compactMap { Self.line(for: $0, of: keys) }
                if !json {
                    lines.forEach(Console.line)
                } else if isatty(STDERR_FILENO) == 1 {
                    lines.forEach(Console.error)
                }
            })
        guard case .success(let end) = outcome else { return }
        if let signal = end.signal { throw ExitCode(Interruption.exitStatus(signal)) }
        if end.refused {
            Console.error("migdash: \(end.state.poll.haltMessage ?? "GitHub refused the token")")
            throw ExitCode(ExitStatus.denied)
        }
        let verdict = WaitVerdict(end.state, keys, limit: limit) ?? .timedOut(ids)
        if json, verdict == .finished {
            let rows = keys.compactMap { key in
                end.state.migrations[key].map { ListedMigration($0, scope: scope, downloaded: nil) }
            }
            try Console.json(rows)
        }
        try verdict.exit(end.state, keys)
    }

    /// The line for an event about one of the migrations waited for: `1042 octo-org  exporting → exported`.
    static func line(for event: WatchEvent, of keys: [MigrationKey]) -> String? {
        guard let id = event.id, keys.contains(where: { $0.id == id }), let state = event.state else { return nil }
        let scope = event.organization ?? "user"
        switch event.event {
        case .migrationNew: return "\(id) \(scope)  \(state)"
        case .migrationState: return "\(id) \(scope)  \(event.from ?? "?") → \(state)"
        default: return nil
        }
    }
}
