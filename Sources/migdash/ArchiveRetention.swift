import Foundation
import GitHubMigrations

/// `migdash backup --keep N`: removes a scope's older archives from the download folder, files and
/// manifest entries both, once the new one is verified.
///
/// Only what the manifest lists is touched, and only an entry whose name is one migdash builds for this
/// scope and agrees with the entry's id and scope: no other file of the folder, and no archive of another
/// scope, is ever looked at. A file that is no longer the one recorded (another size, not a regular
/// file, another user's) is left where it is, entry and all.
enum ArchiveRetention {
    /// What a pruning did.
    struct Outcome: Sendable, Equatable {
        /// Paths of the archives removed.
        var removed: [String] = []
        /// One line for each entry left alone or forgotten, saying why.
        var notes: [String] = []
    }

    /// Keeps the archive named `saved` and the newest `keep - 1` other archives of `scope` (by migration
    /// id, which GitHub hands out in order), and removes the rest, under the folder's manifest lock so a
    /// download in another migdash never loses its entry.
    /// - Throws: `ArchiveDownloadError` when the manifest cannot be read or written.
    static func prune(_ directory: URL, scope: MigrationScope, keep: Int, saved: String)
        throws(ArchiveDownloadError) -> Outcome
    {
        var outcome = Outcome()
        try DownloadManifest.update(in: directory) { manifest in
            let ours = manifest.archives.filter { belongs($0, to: scope) }
            // The new archive first, whatever its id, so a reused older migration is never the one removed.
            let ordered = ours.sorted { left, right in
                if (left.name == saved) != (right.name == saved) { return left.name == saved }
                return left.migrationID > right.migrationID
            }
            for entry in ordered.dropFirst(max(keep, 1)) {
                let path = directory.appendingPathComponent(entry.name).path
                switch remove(path, size: entry.size) {
                case .removed:
                    manifest.archives.removeAll { $0.name == entry.name }
                    outcome.removed.append(path)
                case .missing:
                    manifest.archives.removeAll { $0.name == entry.name }
                    outcome.notes.append("forgot \(entry.name): it was no longer in the folder")
                case .kept(let reason):
                    outcome.notes.append("left \(path): \(reason)")
                }
            }
        }
        return outcome
    }

    /// True when `entry` is an archive of `scope` by its name, its id and its recorded scope alike.
    /// Logins are compared without case, as GitHub treats them.
    static func belongs(_ entry: DownloadManifest.Entry, to scope: MigrationScope) -> Bool {
        guard let parsed = ArchiveFileName.parse(entry.name), parsed.id == entry.migrationID else { return false }
        let wanted = scope.description.lowercased()
        return parsed.scope.description.lowercased() == wanted && entry.scope.lowercased() == wanted
    }

    private enum Removal {
        case removed
        case missing
        case kept(String)
    }

    /// Unlinks `path` only when it is still the file recorded: a regular file (a link is not followed) of
    /// this user's, of the recorded size.
    private static func remove(_ path: String, size: Int64) -> Removal {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return errno == ENOENT ? .missing : .kept("cannot examine it (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(), Int64(info.st_size) == size else {
            return .kept("it is not the archive the manifest recorded")
        }
        guard unlink(path) == 0 else { return .kept("cannot remove it (\(String(cString: strerror(errno))))") }
        return .removed
    }
}
