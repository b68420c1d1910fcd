import ArgumentParser
import DashboardApp
import DashboardCore
import Foundation
import GitHubMigrations

/// `migdash delete-archive`: deletes migrations' archives on GitHub, after a question on a terminal.
struct DeleteArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete-archive",
        abstract: "Delete migrations' archives on GitHub (the migrations stay).",
        discussion: """
            On a terminal it asks first, and says which archives are not saved in the download folder. \
            Without a terminal it refuses unless --yes is given (exit 2). Deletions go a second apart, as \
            GitHub asks of writes. An archive already gone (404) is reported and makes the exit status 4.
            """
    )

    @OptionGroup var owner: ScopeOptions

    @Argument(help: "The migrations' ids.")
    var ids: [Int64]

    @Flag(help: "Delete without asking (needed without a terminal).")
    var yes = false

    @Option(help: "The download folder whose manifest says which archives are saved.")
    var output: String?

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard !ids.isEmpty, ids.count <= 1_000 else { throw ValidationError("Give from 1 to 1000 migration ids.") }
    }

    func run() async throws {
        let scope = owner.scope
        let (client, settings) = try Result { () throws(CommandFailure) in try connection.client(output: output) }
            .orExit()
        let outcome = await delete(client, scope, settings)
        try? await client.shutdown()
        try outcome.orExit()
    }

    /// Asks (unless `--yes`), then deletes each archive in turn.
    private func delete(_ client: GitHubClient, _ scope: MigrationScope, _ settings: ConnectionSettings) async
        -> Result<Void, CommandFailure>
    {
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else {
                return .failure(.usage("no terminal to ask on: give --yes to delete without asking"))
            }
            let saved = ArchiveScanner.scan(settings.downloadDirectory)
            let unsaved = ids.filter { saved[MigrationKey(scope: scope, id: $0)] == nil }
            let more = ids.count > 5 ? " and \(ids.count - 5) more" : ""
            let list = ids.prefix(5).map(String.init).joined(separator: ", ") + more
            if !unsaved.isEmpty {
                let names = unsaved.map(String.init).joined(separator: ", ")
                Console.error("not saved in \(settings.downloadDirectory.path): \(names)")
            }
            let plural = ids.count == 1 ? ("", "it") : ("s", "them")
            Console.error(
                "Delete the archive\(plural.0) of \(scope) \(list)? GitHub cannot bring \(plural.1) back. [y/N]")
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                return .failure(.failed("nothing deleted"))
            }
        }
        var gone: [Int64] = []
        for id in ids {
            do {
                try await client.deleteArchive(scope, id: id)
                Console.line("deleted the archive of \(scope) #\(id)")
            } catch let error as GitHubError where error.kind == .notFound {
                Console.line("no archive of \(scope) #\(id): already deleted or expired")
                gone.append(id)
            } catch {
                return .failure(.of(error))
            }
        }
        if !gone.isEmpty { return .failure(.notFound("\(gone.count) of \(ids.count) archives were not there")) }
        return .success(())
    }
}
