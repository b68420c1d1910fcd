import Foundation
import GitHubMigrations

extension DashboardState {
    /// How many repositories a migration holds, as loaded or listed; nil when GitHub left them out.
    public func repositoryCount(_ key: MigrationKey) -> Int? {
        if let loaded = repositories[key] { return loaded.count }
        guard let migration = migrations[key], !migration.repositoriesExcluded else { return nil }
        return migration.repositories.count
    }

    /// How long a listed migration took to export, or has been exporting now; nil when it never did.
    /// An end migdash did not watch is the earlier of its sighting and GitHub's `updated_at` while
    /// exported (the export ended then or before): still an upper bound, and not the migration's age.
    public func exportSpan(_ key: MigrationKey) -> ExportSpan? {
        guard let migration = migrations[key], var timing = exports.timing(key) else { return nil }
        guard timing.end != nil || migration.state.isActive else { return nil }
        if timing.endApproximate, let end = timing.end, migration.state == .exported {
            timing.end = min(end, exportedAt[key] ?? migration.updatedAt)
        }
        return timing.span(now: now, active: migration.state.isActive)
    }

    /// How long an export under way is likely to take still, from similar finished exports; nil for a
    /// migration not under way, of unknown size, or with nothing to compare with.
    public func exportEstimate(_ key: MigrationKey) -> ExportEstimate? {
        guard let migration = migrations[key], migration.state.isActive, let span = exportSpan(key),
            let count = repositoryCount(key)
        else { return nil }
        return ExportEstimate.make(repositories: count, elapsed: span.seconds, samples: exports.samples)
    }
}
