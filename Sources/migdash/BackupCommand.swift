import ArgumentParser
import Foundation
import GitHubMigrations

/// `migdash backup`: the backup tools' whole job for each scope named, one after another, from cron.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up every repository of each scope: export, wait, download, verify, prune.",
        discussion: """
            For each scope: lists all its repositories, reuses a migration of exactly them created within \
            --reuse-within (exported, or still exporting and then waited for), else starts one (never \
            twice: a lost answer is exit 1), waits as migdash wait does, downloads and verifies the archive \
            into --output and records it in the folder's manifest as migdash download does, and with \
            --keep N removes the scope's older archives beyond the newest N, only after the new one \
            verified. A scope without repositories is skipped. One line per step, a summary line at the \
            end; a failed scope does not stop the others. Exit status as for every command (docs/cli.md).
            """
    )

    @Option(name: .customLong("org"), help: "An organization to back up (repeatable).")
    var orgs: [String] = []

    @Flag(help: "Back up your own account's repositories.")
    var user = false

    @Option(
        help: ArgumentHelp("The folder the archives and their manifest go in, every scope's alike.", valueName: "dir"))
    var output: String

    @Option(
        help: ArgumentHelp(
            "Reuse a migration of the same repositories created this recently: 90s, 30m, 2h; 0 never.",
            valueName: "duration"))
    var reuseWithin = "1h"

    @Option(
        help: ArgumentHelp(
            "Keep the newest N archives of each scope in the folder, removing older ones (default: all).",
            valueName: "n"))
    var keep: Int?

    @Option(
        name: .customLong("exclude-repo"),
        help: ArgumentHelp(
            "Leave this repository out (repeatable): NAME for an organization's, OWNER/NAME for yours. For one "
                + "whose export always fails, or that is backed up elsewhere.",
            valueName: "name"))
    var excludedRepositories: [String] = []

    @Flag(help: "Lock the repositories while they are exported (they stay locked until unlocked).")
    var lock = false

    @Flag(help: "Print a JSON array with one object per scope at the end; the step lines go to standard error.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    /// The most organizations one run takes.
    static let maximumOrganizations = 1_000

    func validate() throws {
        guard user || !orgs.isEmpty else { throw ValidationError("Give --user, --org ORG or both.") }
        guard orgs.count <= Self.maximumOrganizations else {
            throw ValidationError("Give at most \(Self.maximumOrganizations) organizations.")
        }
        // A login becomes part of a file name: refuse one that could climb out of the folder.
        for org in orgs {
            do throws(ArchiveDownloadError) {
                try ArchiveFileName.checkLogin(org)
            } catch {
                throw ValidationError("\(error.detail).")
            }
        }
        guard DurationText.seconds(reuseWithin) != nil else {
            throw ValidationError("--reuse-within \(reuseWithin) is not a duration such as 30m, 1h or 0.")
        }
        if let keep, !(1...10_000).contains(keep) { throw ValidationError("--keep must be from 1 to 10000.") }
    }

    /// The scopes in the order they are backed up: yours first, then each organization once.
    var scopes: [MigrationScope] {
        var seen: Set<String> = []
        let organizations = orgs.filter { seen.insert($0.lowercased()).inserted }.map(MigrationScope.organization)
        return (user ? [.user] : []) + organizations
    }

    func run() async throws {
        let (client, settings) = try Result { () throws(CommandFailure) in try connection.client(output: output) }
            .orExit()
        let (headless, token) = try Result { () throws(CommandFailure) in
            try connection.headlessSettings { $0.downloadDirectory = output }
        }.orExit()
        // With --json the JSON document is the only thing on standard output: every step line, the
        // download's progress included, goes to standard error meanwhile.
        let standardOutput = json ? StandardOutputDiversion() : nil
        let runner = BackupScopeRun(
            client: client, settings: headless, token: token, directory: settings.downloadDirectory,
            reuseWithin: DurationText.seconds(reuseWithin) ?? 0,
            keep: keep, lock: lock, excluded: Set(excludedRepositories.map { $0.lowercased() }))
        var results: [BackupScopeResult] = []
        var statuses: [Int32] = []
        for scope in scopes {
            var result = BackupScopeResult(scope)
            if let failure = await runner.run(scope, into: &result) {
                result.error = failure.detail
                Console.error("migdash: \(scope): \(failure.detail)")
                // A signal stops the whole run, as it would any command; the summary still says what was done.
                if case .interrupted = failure {
                    results.append(result)
                    Console.line(BackupScopeResult.summary(results))
                    try? await client.shutdown()
                    throw ExitCode(failure.status)
                }
                statuses.append(failure.status)
            }
            results.append(result)
        }
        try? await client.shutdown()
        Console.line(BackupScopeResult.summary(results))
        standardOutput?.restore()
        if json { try Console.json(results) }
        // One kind of failure keeps its own status (every scope refused the token: 3); a mix is 1.
        if let first = statuses.first {
            throw ExitCode(statuses.allSatisfy { $0 == first } ? first : ExitStatus.failed)
        }
    }
}
