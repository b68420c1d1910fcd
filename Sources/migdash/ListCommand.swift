import ArgumentParser
import DashboardApp
import DashboardCore
import Foundation
import GitHubMigrations

/// `migdash list`: the migrations of the scopes, newest first, as a table, JSON or CSV.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List migrations, newest first, with their archives' expiry and where they were saved.",
        discussion: """
            Without --org or --user: your own migrations and those of every organization you own (one you \
            do not own is passed over, as the dashboard does). A table on a terminal; --json prints one \
            JSON array, --csv one header line and a line per migration. Exit status: 0 listed, 2 usage, \
            3 token refused, 4 an organization named with --org not found, 5 rate limited, 6 network; \
            see docs/cli.md. The token is found as for the dashboard.
            """
    )

    @Option(name: .customLong("org"), help: "An organization whose migrations to list (repeatable).")
    var orgs: [String] = []

    @Flag(help: "Your own account's migrations.")
    var user = false

    @Option(
        name: .customLong("state"),
        help: "Only migrations in this state (repeatable): pending, exporting, exported, failed.")
    var states: [String] = []

    @Flag(help: "Print one JSON array.")
    var json = false

    @Flag(help: "Print CSV: a header line, then one line per migration.")
    var csv = false

    @Option(help: "The download folder whose manifest says which archives are saved (default: download_dir, else .).")
    var output: String?

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard !(json && csv) else { throw ValidationError("Give --json or --csv, not both.") }
        let known = ["pending", "exporting", "exported", "failed"]
        if let unknown = states.first(where: { !known.contains($0) }) {
            throw ValidationError("--state \(unknown) is not one of \(known.joined(separator: ", ")).")
        }
    }

    func run() async throws {
        let (client, settings) = try Result { () throws(CommandFailure) in try connection.client(output: output) }
            .orExit()
        let outcome = await listing(client, settings)
        try? await client.shutdown()
        let rows = try outcome.orExit()
        if json {
            try Console.json(rows)
        } else if csv {
            Console.line(ListedMigration.csvHeader.joined(separator: ","))
            rows.forEach { Console.line($0.csvLine) }
        } else {
            MigrationTable.lines(rows, timeZone: .current).forEach(Console.line)
        }
    }

    /// Reads the scopes' lists and the download folder's manifest, newest first.
    private func listing(_ client: GitHubClient, _ settings: ConnectionSettings) async -> Result<
        [ListedMigration], CommandFailure
    > {
        do {
            var scopes: [MigrationScope] = []
            var named = Set(orgs)
            if user || orgs.isEmpty { scopes.append(.user) }
            if orgs.isEmpty && !user {
                named = []
                scopes += try await client.organizations().map { .organization($0.login) }
            } else {
                scopes += orgs.map(MigrationScope.organization)
            }
            let saved = ArchiveScanner.scan(settings.downloadDirectory)
            var rows: [(Migration, ListedMigration)] = []
            for scope in scopes {
                let list: [Migration]
                do {
                    list = try await client.listMigrations(scope)
                } catch let error as GitHubError {
                    // Organizations found, not named: only owners see migrations, so one that refuses is passed over.
                    if case .organization(let org) = scope, !named.contains(org),
                        [.notFound, .forbidden].contains(error.kind)
                    {
                        continue
                    }
                    throw error
                }
                for migration in list where states.isEmpty || states.contains(migration.state.rawValue) {
                    let key = MigrationKey(scope: scope, id: migration.id)
                    rows.append((migration, ListedMigration(migration, scope: scope, downloaded: saved[key])))
                }
            }
            rows.sort { ($0.0.createdAt, $0.0.id) > ($1.0.createdAt, $1.0.id) }
            return .success(rows.map(\.1))
        } catch {
            return .failure(.of(error))
        }
    }
}
