import Foundation
import GitHubMigrations

/// Which migration `migdash backup` may use instead of starting one: of exactly the scope's repositories,
/// with nothing left out, exported or still on its way (not `failed`), created within the window.
enum BackupReuse {
    /// The newest migration of `migrations` (newest first, as GitHub lists them) that backs up exactly
    /// `repositories` (full names, compared as GitHub does, without case) and was created at most
    /// `window` seconds before `now`; nil when none qualifies or `window` is 0. One that left out
    /// anything (metadata, Git data, attachments, releases, owner projects, or everything but the
    /// organization's metadata) is not a backup; with `lock`, only a migration that locked them is
    /// the one asked for. A creation time after `now` (the server's clock ahead of ours) counts as new.
    static func candidate(
        in migrations: [Migration], repositories: [String], now: Date, window: Double, lock: Bool
    ) -> Migration? {
        guard window > 0 else { return nil }
        let wanted = Set(repositories.map { $0.lowercased() })
        return migrations.first { migration in
            guard migration.state != .failed, !migration.repositoriesExcluded,
                now.timeIntervalSince(migration.createdAt) <= window, !leavesOut(migration),
                !lock || migration.lockRepositories
            else { return false }
            let names = migration.repositories.map { $0.fullName.lowercased() }
            return names.count == wanted.count && Set(names) == wanted
        }
    }

    /// True when the migration's archive lacks part of what a backup holds.
    private static func leavesOut(_ migration: Migration) -> Bool {
        migration.excludeMetadata || migration.excludeGitData || migration.excludeAttachments
            || migration.excludeReleases || migration.excludeOwnerProjects || migration.orgMetadataOnly
    }
}
