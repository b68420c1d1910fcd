import ArgumentParser
import DashboardApp
import Foundation
import GitHubMigrations

/// `migdash unlock`: the repositories a migration locked, by migration id or by repository name.
struct UnlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "Unlock repositories a migration locked.",
        discussion: """
            migdash unlock --org ORG ID REPO... unlocks those repositories of migration ID; --all unlocks every \
            one of its repositories. migdash unlock --org ORG --repo NAME finds the migrations that locked NAME \
            and unlocks it from each. A repository GitHub says is not locked (404) is reported as such, not as \
            an error. Exit status as for every command (docs/cli.md): 4 when no migration locked --repo NAME.
            """
    )

    @OptionGroup var owner: ScopeOptions

    @Option(help: "Find the migrations that locked this repository and unlock it (instead of ID).")
    var repo: String?

    @Flag(help: "Unlock every repository of the migration.")
    var all = false

    @Argument(help: "The migration's id, then the repositories to unlock (name or owner/name).")
    var words: [String] = []

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if repo != nil {
            guard words.isEmpty, !all else { throw ValidationError("Give --repo NAME alone, without an id.") }
        } else {
            guard let first = words.first, Int64(first) != nil else {
                throw ValidationError("Give a migration id, or --repo NAME.")
            }
            guard all != (words.count > 1) else { throw ValidationError("Name the repositories to unlock, or --all.") }
        }
    }

    func run() async throws {
        let (client, _) = try Result { () throws(CommandFailure) in try connection.client() }.orExit()
        let scope = owner.scope
        let outcome = await unlock(client, scope)
        try? await client.shutdown()
        try outcome.orExit()
    }

    /// The name GitHub's unlock takes: the part after `owner/`.
    private static func name(_ text: String) -> String {
        String(text.split(separator: "/").last ?? Substring(text))
    }

    private func unlock(_ client: GitHubClient, _ scope: MigrationScope) async -> Result<Void, CommandFailure> {
        do {
            var work: [(id: Int64, repository: String)] = []
            if let repo {
                let wanted = Self.name(repo)
                for migration in try await client.listMigrations(scope) where migration.lockRepositories {
                    if migration.repositories.contains(where: { $0.name == wanted }) {
                        work.append((migration.id, wanted))
                    }
                }
                guard !work.isEmpty else { return .failure(.notFound("no migration of \(scope) locked \(wanted)")) }
            } else {
                let id = Int64(words[0]) ?? 0
                let names: [String]
                if all {
                    names = try await client.migrationRepositories(scope, id: id).map(\.name)
                } else {
                    names = words.dropFirst().map(Self.name)
                }
                work = names.map { (id, $0) }
            }
            for (id, repository) in work {
                do {
                    try await client.unlockRepository(scope, id: id, repository: repository)
                    Console.line("unlocked \(repository) (migration \(id))")
                } catch let error as GitHubError where error.kind == .notFound {
                    Console.line("\(repository) was not locked by migration \(id)")
                }
            }
            return .success(())
        } catch {
            return .failure(.of(error))
        }
    }
}
