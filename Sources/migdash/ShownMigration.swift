import Foundation
import GitHubMigrations

/// One migration as `migdash show` prints it: `migdash list`'s fields, plus its guid, the parts left out
/// of the export, and each repository with what is known of its lock.
struct ShownMigration: Encodable {
    /// The fields `migdash list` prints.
    var listed: ListedMigration
    /// GitHub's guid, part of the archive's file name.
    var guid: String
    /// What the export left out: `metadata`, `git_data`, `attachments`, `releases`, `owner_projects`.
    var excluded: [String]
    /// True for an export of organization metadata only.
    var orgMetadataOnly: Bool
    /// Each repository and whether the migration locked it.
    var repositories: [Repository]

    /// A repository of the migration.
    struct Repository: Encodable {
        /// `owner/name`.
        var fullName: String
        /// True when the migration locked its repositories: GitHub reports no lock state, so this stays
        /// true until someone unlocks the repository (`migdash unlock`, the dashboard's `u`).
        var locked: Bool

        enum CodingKeys: String, CodingKey {
            case fullName = "full_name"
            case locked = "locked_by_migration"
        }
    }

    /// The migration of `scope`, with its repositories as GitHub listed them.
    init(_ migration: Migration, scope: MigrationScope, repositories: [SimpleRepository], downloaded: String?) {
        listed = ListedMigration(migration, scope: scope, downloaded: downloaded)
        listed.repositories = repositories.map(\.fullName)
        guid = migration.guid
        excluded = [
            (migration.excludeMetadata, "metadata"), (migration.excludeGitData, "git_data"),
            (migration.excludeAttachments, "attachments"), (migration.excludeReleases, "releases"),
            (migration.excludeOwnerProjects, "owner_projects"),
        ].filter(\.0).map(\.1)
        orgMetadataOnly = migration.orgMetadataOnly
        self.repositories = repositories.map { Repository(fullName: $0.fullName, locked: migration.lockRepositories) }
    }

    private enum ExtraKeys: String, CodingKey {
        case guid, excluded
        case orgMetadataOnly = "org_metadata_only"
        case repositories = "repository_locks"
    }

    /// `migdash list`'s fields and the extra ones in one object.
    func encode(to encoder: any Encoder) throws {
        try listed.encode(to: encoder)
        var container = encoder.container(keyedBy: ExtraKeys.self)
        try container.encode(guid, forKey: .guid)
        try container.encode(excluded, forKey: .excluded)
        try container.encode(orgMetadataOnly, forKey: .orgMetadataOnly)
        try container.encode(repositories, forKey: .repositories)
    }

    /// The lines on a terminal.
    var lines: [String] {
        var lines = [
            "migration \(listed.id) (\(listed.organization ?? "user"))  \(listed.state)",
            "guid        \(guid)",
            "created     \(listed.createdAt)",
            "updated     \(listed.updatedAt)",
            "excluded    \(excluded.isEmpty ? "nothing" : excluded.joined(separator: ", "))",
        ]
        if let expiry = listed.archiveExpiresAt { lines.append("archive     expires \(expiry)") }
        if let saved = listed.downloadedTo { lines.append("saved       \(saved)") }
        lines.append("repositories (\(repositories.count))")
        lines += repositories.map { "  \($0.fullName)\($0.locked ? "  locked by this migration" : "")" }
        return lines
    }
}
