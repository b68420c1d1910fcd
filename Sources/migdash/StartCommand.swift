import ArgumentParser
import DashboardApp
import DashboardCore
import Foundation
import GitHubMigrations

/// `migdash start`: one migration of the repositories, or one per repository, never a POST twice.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start a migration of repositories (or one per repository) and print the ids.",
        discussion: """
            A start is never sent twice: when its answer is lost (a timeout, a 5xx, a cut connection) it may \
            have started, and migdash says so and exits 1 rather than risk a second export; look with \
            migdash list before starting again. --per-repository starts one migration per repository, a \
            second apart (GitHub's pace for writes; within its 80 content-creating requests a minute), and \
            a failure stops the rest, naming those started. Exit status as for every command (docs/cli.md).
            """
    )

    @OptionGroup var owner: ScopeOptions

    @Argument(help: "The repositories: name for an organization's, owner/name for yours.")
    var repositories: [String]

    @Flag(help: "Lock the repositories while they are migrated (for a move, not a backup).")
    var lock = false

    @Flag(help: "Leave out metadata (issues, pull requests…): Git data and attachments only.")
    var excludeMetadata = false

    @Flag(help: "Leave out Git data: metadata only.")
    var excludeGitData = false

    @Flag(help: "Leave out attachments.")
    var excludeAttachments = false

    @Flag(help: "Leave out releases.")
    var excludeReleases = false

    @Flag(help: "Leave out projects owned by the organization or user.")
    var excludeOwnerProjects = false

    @Flag(help: "One migration per repository instead of one for all.")
    var perRepository = false

    @Flag(help: "Print the started migrations as a JSON array, as migdash list --json does.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard !repositories.isEmpty, repositories.count <= 1_000 else {
            throw ValidationError("Give from 1 to 1000 repositories.")
        }
    }

    func run() async throws {
        let (client, _) = try Result { () throws(CommandFailure) in try connection.client() }.orExit()
        let scope = owner.scope
        var started: [Migration] = []
        let outcome = await start(client, scope, into: &started)
        try? await client.shutdown()
        if json {
            let rows = started.map { ListedMigration($0, scope: scope, downloaded: nil) }
            try Console.json(rows)
        }
        try outcome.orExit()
    }

    /// The failure for a start whose answer was lost, so it may have gone through; nil when GitHub
    /// refused it outright. `migdash backup` says the same, and neither sends the POST again.
    static func lostAnswer(_ error: GitHubError, _ names: String, _ before: String = "") -> CommandFailure? {
        guard error.mayHaveTakenEffect else { return nil }
        return .failed(
            "the start of \(names) may have gone through (\(error.userMessage)); look with migdash list "
                + "before starting it again\(before)")
    }

    /// Sends each start once; a failure stops the rest and says what was started and what may have been.
    private func start(_ client: GitHubClient, _ scope: MigrationScope, into started: inout [Migration]) async
        -> Result<Void, CommandFailure>
    {
        let groups = perRepository ? repositories.map { [$0] } : [repositories]
        for group in groups {
            let request = StartMigrationRequest(
                repositories: group, lockRepositories: lock, excludeMetadata: excludeMetadata,
                excludeGitData: excludeGitData, excludeAttachments: excludeAttachments,
                excludeReleases: excludeReleases, excludeOwnerProjects: excludeOwnerProjects)
            do {
                let migration = try await client.startMigration(scope, request)
                started.append(migration)
                if !json { Console.line("started migration \(migration.id) of \(group.joined(separator: ", "))") }
            } catch let error as GitHubError {
                let before =
                    started.isEmpty
                    ? "" : "; started before it: " + started.map { String($0.id) }.joined(separator: ", ")
                let names = group.joined(separator: ", ")
                if let lost = Self.lostAnswer(error, names, before) { return .failure(lost) }
                // GitHub refused it, so nothing of it was started: say which were, then why it stopped.
                if !started.isEmpty { Console.error("migdash: \(names) not started\(before)") }
                return .failure(.api(error))
            } catch {
                return .failure(.failed("\(error)"))
            }
        }
        return .success(())
    }
}
