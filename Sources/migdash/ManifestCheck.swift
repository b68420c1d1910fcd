import ArchiveInspection
import ArchiveModel
import Foundation
import GitHubMigrations

/// What the folder's manifest says about an inspected file.
struct ManifestCheck {
    /// The line to print; nil when the manifest does not list the file.
    var text: String?
    /// False only when the manifest lists the file with another size or SHA-256.
    var agrees = true

    /// Compares a report with the manifest beside the file.
    init(_ url: URL, report: ArchiveReport) {
        let folder = url.deletingLastPathComponent()
        guard let entry = (try? DownloadManifest.load(from: folder))?.entry(named: url.lastPathComponent) else {
            return
        }
        if report.sha256 == entry.sha256, report.compressedBytes == entry.size {
            text = "matches (downloaded \(entry.downloadedAt.formatted(.iso8601)))"
        } else {
            agrees = false
            text = "DIFFERS: recorded \(entry.size) bytes, sha256 \(entry.sha256)"
        }
    }
}
