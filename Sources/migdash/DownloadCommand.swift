import ArgumentParser
import DashboardApp
import Foundation
import GitHubMigrations

/// `migdash download`: one migration's archive, resumed, verified and recorded, without the dashboard.
struct DownloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download",
        abstract: "Download a migration's archive, verified end to end.",
        discussion: """
            Saves ORG-migration-ID-GUID.tar.gz (or user-migration-…) in --output, resuming from a \
            .part file an earlier attempt left, and records its size and SHA-256 in \
            migdash-manifest.json there. An archive already in place is left untouched. \
            Exits 0 only when the verified archive is in place; otherwise prints one line saying why. \
            The token is found as for the dashboard: the one for the API root's host, from GH_TOKEN \
            (GH_ENTERPRISE_TOKEN for an Enterprise host), gh's hosts.yml, --token-file PATH or \
            --token - (standard input); --token VALUE puts it in the process list. It is never sent \
            to the storage host, nor over plain http to another machine unless --insecure-http \
            accepts a token in clear text.
            """
    )

    @Option(help: "The organization whose migration it is.")
    var org: String?

    @Flag(help: "A migration of your own account (/user/migrations).")
    var user = false

    @Argument(help: "The migration's id.")
    var migrationID: Int64

    @Option(help: "Where the archive goes (default: download_dir from the config file, else the current directory).")
    var output: String?

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard (org == nil) != !user else { throw ValidationError("Give exactly one of --org ORG or --user.") }
    }

    func run() async throws {
        if let org {
            // The login becomes part of a file name: refuse one that could climb out of the folder.
            do throws(ArchiveDownloadError) {
                try ArchiveFileName.checkLogin(org)
            } catch {
                throw CommandFailure.usage("\(error.detail).").exit()
            }
        }
        let (client, settings) = try Result { () throws(CommandFailure) in try connection.client(output: output) }
            .orExit()
        let scope: MigrationScope = user ? .user : .organization(org ?? "")
        let outcome = await ArchiveDownloadRun(client: client, directory: settings.downloadDirectory)
            .run(scope, id: migrationID)
        try? await client.shutdown()
        try outcome.orExit()
    }
}
