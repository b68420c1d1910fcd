import ArgumentParser
import DashboardApp
import DashboardCore
import Foundation
import GitHubMigrations

/// `migdash show`: one migration with its repositories, their locks, what it left out and its archive.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one migration: its repositories and their locks, what it left out, its archive.",
        discussion: """
            --json prints one object: migdash list's fields plus guid, excluded, org_metadata_only and \
            repository_locks. Exit status as for every command (docs/cli.md): 4 when the migration is not found.
            """
    )

    @OptionGroup var owner: ScopeOptions

    @Argument(help: "The migration's id.")
    var migrationID: Int64

    @Flag(help: "Print one JSON object.")
    var json = false

    @Option(help: "The download folder whose manifest says whether the archive is saved.")
    var output: String?

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let (client, settings) = try Result { () throws(CommandFailure) in try connection.client(output: output) }
            .orExit()
        let scope = owner.scope
        let outcome: Result<ShownMigration, CommandFailure>
        do {
            let migration = try await client.migration(scope, id: migrationID)
            let repositories = try await client.migrationRepositories(scope, id: migrationID)
            let saved = ArchiveScanner.scan(settings.downloadDirectory)[MigrationKey(scope: scope, id: migrationID)]
            outcome = .success(ShownMigration(migration, scope: scope, repositories: repositories, downloaded: saved))
        } catch {
            outcome = .failure(.of(error))
        }
        try? await client.shutdown()
        let shown = try outcome.orExit()
        if json {
            try Console.json(shown)
        } else {
            shown.lines.forEach(Console.line)
        }
    }
}
