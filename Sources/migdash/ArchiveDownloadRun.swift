import ArchiveModel
import Foundation
import GitHubMigrations

/// What `migdash download` does once its options are settled: check the migration, download, report.
struct ArchiveDownloadRun: Sendable {
    /// The API client.
    let client: GitHubClient
    /// Where the archive goes.
    let directory: URL

    /// How a download attempt ended, before a signal is taken into account.
    private enum Attempt: Sendable {
        /// The verified archive is in place.
        case finished(ArchiveDownloadResult)
        /// It failed; `part` names the partial file when the transfer had begun.
        case failed(CommandFailure, part: String?)
    }

    /// Downloads the archive of migration `id`; success only when the verified archive is in place.
    /// SIGINT or SIGTERM stops it, keeping the partial file, and the failure says what was kept.
    func run(_ scope: MigrationScope, id: Int64) async -> Result<Void, CommandFailure> {
        let interruption = Interruption()
        let display = ProgressDisplay(interactive: isatty(STDOUT_FILENO) == 1)
        let attempt = await interruption.run { [self] in await download(scope, id: id, display: display) }
        display.finish()
        switch attempt {
        case .finished(let result):
            Console.line(Self.summary(result))
            return .success(())
        case .failed(let failure, let part):
            guard let signal = interruption.signal else { return .failure(failure) }
            let path = part.map { directory.appendingPathComponent($0) }
            return .failure(.interrupted(Self.kept(path, progress: display.latest), signal: signal))
        }
    }

    private func download(_ scope: MigrationScope, id: Int64, display: ProgressDisplay) async -> Attempt {
        let migration: Migration
        do {
            migration = try await client.migration(scope, id: id)
        } catch let error as GitHubError {
            return .failed(.api(error), part: nil)
        } catch {
            return .failed(.failed("\(error)"), part: nil)
        }
        guard migration.state == .exported else {
            let reason =
                migration.state == .failed
                ? "failed; it has no archive" : "is still \(migration.state.rawValue); its archive is not ready yet"
            return .failed(.failed("migration \(id) of \(scope) \(reason)."), part: nil)
        }
        // Nil for a name the downloader refuses to build: then no partial file was made either.
        let part = (try? ArchiveFileName.name(scope, id: id, guid: migration.guid)).map(ArchiveFileName.partial)
        do {
            return .finished(
                try await ArchiveDownloader(client: client, directory: directory)
                    .download(scope, id: id, guid: migration.guid, progress: display.update))
        } catch let error as ArchiveDownloadError {
            return .failed(Self.failure(error), part: part)
        } catch {
            // A CancellationError after a signal; `run` turns it into the line saying what is kept.
            return .failed(.failed("\(error)"), part: part)
        }
    }

    /// The failure, with its exit status, for a download that stopped: the API's own status (a token
    /// refused, an archive gone or expired, a rate limit), 6 for a storage that kept failing or cutting
    /// off, 1 for the rest (an archive that did not verify, a full disk, a file in the way).
    static func failure(_ error: ArchiveDownloadError) -> CommandFailure {
        switch error.kind {
        case .api: error.apiError.map(CommandFailure.api) ?? .failed(error.userMessage)
        case .storageFailed: .network(error.userMessage)
        default: .failed(error.userMessage)
        }
    }

    /// `interrupted: kept PATH.part (12.0 MB of 40.0 MB); run the same command again to resume`.
    static func kept(_ part: URL?, progress: ArchiveDownloadProgress?) -> String {
        let size = part.flatMap { try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int64 }
        guard let part, let size, size > 0 else { return "interrupted before any of the archive arrived; nothing kept" }
        var amount = ByteCount.text(size)
        if let total = progress?.total { amount += " of \(ByteCount.text(total))" }
        return "interrupted: kept \(part.path) (\(amount)); run the same command again to resume"
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
