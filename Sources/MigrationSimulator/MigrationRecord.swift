import Foundation

/// The four states GitHub documents for a migration.
enum MigrationState: String, Sendable {
    case pending, exporting, exported, failed
}

/// The boolean options a migration was started with.
struct MigrationFlags: Sendable, Equatable {
    var lockRepositories = false
    var excludeMetadata = false
    var excludeGitData = false
    var excludeAttachments = false
    var excludeReleases = false
    var excludeOwnerProjects = false
    var orgMetadataOnly = false
}

/// One migration (export) and everything that changes about it over simulated time.
struct MigrationRecord: Sendable {
    let id: Int
    let guid: String
    /// Login of the organization, or of the user for a user migration.
    let owner: String
    let isOrganization: Bool
    let repositories: [RepositoryRecord]
    let flags: MigrationFlags
    /// The `exclude` list given when the migration was started, echoed back as GitHub does.
    let exclude: [String]?
    let createdAt: Date
    /// Simulated seconds from creation to `exported`/`failed`.
    let exportDuration: Double
    let fails: Bool
    /// Names of repositories still locked by this migration.
    var locked: Set<String>
    var archiveDeleted = false
    /// Extra pack bytes in the archive, so one seeded archive is big enough to show download progress.
    var extraPackBytes = 0

    /// The state at simulated time `now`: pending for the first fifth of the export, then exporting.
    func state(at now: Date) -> MigrationState {
        let elapsed = now.timeIntervalSince(createdAt)
        if exportDuration > 0 {
            if elapsed < exportDuration * 0.2 { return .pending }
            if elapsed < exportDuration { return .exporting }
        }
        return fails ? .failed : .exported
    }

    /// When the state last changed, as of `now`.
    func updatedAt(at now: Date) -> Date {
        switch state(at: now) {
        case .pending: createdAt
        case .exporting: createdAt.addingTimeInterval(exportDuration * 0.2)
        case .exported, .failed: createdAt.addingTimeInterval(max(exportDuration, 0))
        }
    }

    /// Whether responses leave `repositories` empty because the migration was started with `exclude`.
    var excludesRepositories: Bool {
        exclude?.contains("repositories") == true
    }

    /// Whether an archive can be downloaded at `now`.
    func hasArchive(at now: Date) -> Bool {
        state(at: now) == .exported && !archiveDeleted
    }

    /// The API path of this migration, without prefix.
    var apiPath: String {
        isOrganization ? "/orgs/\(owner)/migrations/\(id)" : "/user/migrations/\(id)"
    }
}
