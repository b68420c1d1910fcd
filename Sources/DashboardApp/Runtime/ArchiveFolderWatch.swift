import DashboardCore
import Foundation
import GitHubMigrations
import Synchronization

/// Notices archives that appear in the download folder while the dashboard runs (a `migdash download`
/// beside it, another dashboard), at the cost of two `stat` calls when nothing changed.
final class ArchiveFolderWatch: Sendable {
    private let directory: URL
    private let seen = Mutex<[Double]?>(nil)

    init(directory: URL) {
        self.directory = directory
    }

    /// The archives in the folder, or nil when neither the folder nor its manifest changed since the
    /// last look.
    func scanIfChanged() -> [MigrationKey: String]? {
        let fingerprint = [directory.path, directory.appendingPathComponent(DownloadManifest.fileName).path]
            .flatMap(Self.stamp)
        let changed = seen.withLock { last in
            defer { last = fingerprint }
            return last != fingerprint
        }
        return changed ? ArchiveScanner.scan(directory) : nil
    }

    /// A file's modification time and size, or zeros when it is not there.
    private static func stamp(_ path: String) -> [Double] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [0, 0] }
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        return [modified, Double(info.st_size)]
    }
}
