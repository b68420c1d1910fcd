import ArchiveInspection
import ArchiveModel
import Foundation
import GitHubMigrations

/// What `migdash download` does once its options are settled: check the migration, download, report.
struct ArchiveDownloadRun {
    /// The API client.
    let client: GitHubClient
    /// Where the archive goes.
    let directory: URL

    /// Downloads the archive of migration `id`; success only when the verified archive is in place.
    func run(_ scope: MigrationScope, id: Int64) async -> Result<Void, CommandFailure> {
        let migration: Migration
        do {
            migration = try await client.migration(scope, id: id)
        } catch let error as GitHubError {
            return .failure(.failed(error.userMessage))
        } catch {
            return .failure(.failed("\(error)"))
        }
        guard migration.state == .exported else {
            let reason =
                migration.state == .failed
                ? "failed; it has no archive" : "is still \(migration.state.rawValue); its archive is not ready yet"
            return .failure(.failed("migration \(id) of \(scope) \(reason)."))
        }
        let display = ProgressDisplay(interactive: isatty(STDOUT_FILENO) == 1)
        do {
            let result = try await ArchiveDownloader(client: client, directory: directory)
                .download(scope, id: id, guid: migration.guid, progress: display.update)
            display.finish()
            print(Self.summary(result))
            return .success(())
        } catch let error as ArchiveDownloadError {
            display.finish()
            return .failure(.failed(error.userMessage))
        } catch {
            display.finish()
            return .failure(.failed("\(error)"))
        }
    }

    /// `saved PATH (3.0 MB, sha256 …)`, or `already there: …`.
    static func summary(_ result: ArchiveDownloadResult) -> String {
        let facts = "\(ByteCount.text(result.entry.size)), sha256 \(result.entry.sha256)"
        switch result.outcome {
        case .downloaded:
            let bumps = result.statistics.resumes + result.statistics.restarts
            let note =
                bumps > 0 ? "; resumed \(result.statistics.resumes)×, restarted \(result.statistics.restarts)×" : ""
            return "saved \(result.file.path) (\(facts)\(note))"
        case .alreadyPresent:
            return "already there: \(result.file.path) (\(facts)); left untouched"
        }
    }
}
