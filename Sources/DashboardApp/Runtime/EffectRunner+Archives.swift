import ArchiveInspection
import DashboardCore
import Foundation
import GitHubMigrations

extension EffectRunner {
    /// Downloads an archive with `ArchiveDownloader`, posting progress at most four times a second.
    /// Cancelled (the dashboard is quitting), it leaves the partial file for next time and reports nothing.
    func download(_ key: MigrationKey, guid: String) async throws -> Event {
        let throttle = ProgressThrottle(interval: 0.25)
        let downloader = ArchiveDownloader(client: client, directory: downloadDirectory)
        do {
            let result = try await downloader.download(key.scope, id: key.id, guid: guid) { [inbox] report in
                guard throttle.shouldReport() else { return }
                switch report.phase {
                case .downloading:
                    inbox.post(.downloadProgress(key, received: report.bytes, total: report.total, at: Date()))
                case .verifying:
                    inbox.post(
                        .downloadVerifying(key, checked: report.bytes, total: report.total ?? report.bytes, at: Date()))
                }
            }
            recorder?.recordDownload(
                key, path: result.file.path, bytes: result.entry.size, sha256: result.entry.sha256,
                at: result.entry.downloadedAt)
            return .downloadFinished(key, path: result.file.path, at: Date())
        } catch let error as ArchiveDownloadError {
            return .downloadFailed(key, error, at: Date())
        } catch let error as CancellationError {
            throw error
        } catch {
            return .downloadFailed(key, ArchiveDownloadError(.fileSystem, "\(error)"), at: Date())
        }
    }

    /// Reads a downloaded archive on a background thread and reports what it holds.
    func inspect(_ key: MigrationKey, path: String) async -> Event {
        do {
            let report = try await ArchiveInspector.inspect(URL(fileURLWithPath: path))
            return .archiveInspected(key, path: path, report)
        } catch let error as ArchiveInspectionError {
            return .archiveInspectionFailed(key, path: path, reason: error.userMessage)
        } catch {
            return .archiveInspectionFailed(key, path: path, reason: "\(error)")
        }
    }
}
