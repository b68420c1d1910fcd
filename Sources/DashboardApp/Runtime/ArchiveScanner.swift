import DashboardCore
import Foundation
import GitHubMigrations

/// Finds the archives already in the download folder.
///
/// Only the manifest (`migdash-manifest.json`) vouches for an archive: an entry counts while its file
/// is there, a regular file of this user's, with the recorded size. A file that merely has an archive's
/// name (planted, cut short, or left by an older migdash without a manifest) is not shown as saved;
/// `d` then has the downloader read it whole before it is recorded and trusted.
public enum ArchiveScanner {
    /// The archives found, by migration.
    public static func scan(_ directory: URL) -> [MigrationKey: String] {
        guard let manifest = try? DownloadManifest.load(from: directory) else { return [:] }
        var found: [MigrationKey: String] = [:]
        for entry in manifest.archives {
            // The name must be one migdash builds, and say what the entry says: no other path is looked at.
            guard let parsed = ArchiveFileName.parse(entry.name), parsed.id == entry.migrationID,
                parsed.scope.description == entry.scope
            else { continue }
            let path = directory.appendingPathComponent(entry.name).path
            guard isOwnRegularFile(path, size: entry.size) else { continue }
            found[MigrationKey(scope: parsed.scope, id: parsed.id)] = path
        }
        return found
    }

    /// True when `path` itself (not a link's target) is a regular file of this user's of `size` bytes.
    private static func isOwnRegularFile(_ path: String, size: Int64) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFREG && info.st_uid == geteuid() && Int64(info.st_size) == size
    }
}
