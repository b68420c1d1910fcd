import ArgumentParser
import DashboardApp
import DashboardCore
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
            Exits 0 only when the verified archive is in place; otherwise prints one line saying why and \
            exits with a status from the table in docs/cli.md (3 token refused, 4 archive gone, 5 rate \
            limited, 6 network, 1 an archive that does not verify). \
            The token is found as for the dashboard: the one for the API root's host, from GH_TOKEN \
            (GH_ENTERPRISE_TOKEN for an Enterprise host), gh's hosts.yml, --token-file PATH or \
            --token - (standard input); --token VALUE puts it in the process list. It is never sent \
            to the storage host, nor over plain http to another machine unless --insecure-http \
            accepts a token in clear text.
            """
    )

    @OptionGroup var owner: ScopeOptions

    @Argument(help: "The migration's id (or --all-exported).")
    var migrationID: Int64?

    @Flag(help: "Every exported archive of the scope not yet in the folder's manifest, one after another.")
    var allExported = false

    @Option(help: "Where the archive goes (default: download_dir from the config file, else the current directory).")
    var output: String?

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard (migrationID == nil) == allExported else {
            throw ValidationError("Give a migration id or --all-exported.")
        }
    }

    func run() async throws {
        if let org = owner.org {
            // The login becomes part of a file name: refuse one that could climb out of the folder.
            do throws(ArchiveDownloadError) {
                try ArchiveFileName.checkLogin(org)
            } catch {
                throw CommandFailure.usage("\(error.detail).").exit()
            }
        }
        let (client, settings) = try Result { () throws(CommandFailure) in try connection.client(output: output) }
            .orExit()
        let scope = owner.scope
        let runner = ArchiveDownloadRun(client: client, directory: settings.downloadDirectory)
        let outcome: Result<Void, CommandFailure>
        if let migrationID {
            outcome = await runner.run(scope, id: migrationID)
        } else {
            outcome = await allExported(runner, client, scope, settings.downloadDirectory)
        }
        try? await client.shutdown()
        try outcome.orExit()
    }

    /// Downloads every exported archive of `scope` that the folder's manifest does not list yet, one after
    /// another, going on past a failure; a summary line at the end, and a failure when any was not saved.
    private func allExported(
        _ runner: ArchiveDownloadRun, _ client: GitHubClient, _ scope: MigrationScope, _ directory: URL
    ) async -> Result<Void, CommandFailure> {
        let migrations: [Migration]
        do {
            migrations = try await client.listMigrations(scope)
        } catch {
            return .failure(.of(error))
        }
        let saved = ArchiveScanner.scan(directory)
        let wanted = migrations.filter { $0.state == .exported && saved[MigrationKey(scope: scope, id: $0.id)] == nil }
        var failed: [Int64] = []
        var gone: [Int64] = []
        var statuses: Set<Int32> = []
        for migration in wanted {
            guard case .failure(let failure) = await runner.run(scope, id: migration.id) else { continue }
            if case .interrupted = failure { return .failure(failure) }
            if failure.status == ExitStatus.notFound {
                // GitHub still lists a migration as exported after its archive is deleted or expires: a
                // nightly run must not fail for it every night. Said, counted, not a failure.
                Console.error(
                    "migdash: \(migration.id): the archive is gone (deleted, or past its seven days); skipped")
                gone.append(migration.id)
                continue
            }
            _ = failure.exit()
            failed.append(migration.id)
            statuses.insert(failure.status)
        }
        let done = wanted.count - failed.count - gone.count
        let goneText = gone.isEmpty ? "" : "; \(gone.count) gone: \(gone.map(String.init).joined(separator: ", "))"
        Console.line(
            "\(done) of \(wanted.count) exported archive\(wanted.count == 1 ? "" : "s") of \(scope) saved\(goneText)")
        guard failed.isEmpty else {
            let line = "not saved: \(failed.map(String.init).joined(separator: ", "))"
            // One cause for all (a spent rate limit, the network down) keeps its status; mixed causes are 1.
            return .failure(.summary(line, status: statuses.count == 1 ? statuses.first! : ExitStatus.failed))
        }
        return .success(())
    }
}
