import Foundation

/// An organization or user migration: the export of repositories into an archive.
///
/// Decodes both today's schema and the 2015-era payloads in GitHub's docs, which lack
/// `node_id`, `owner` and most `exclude_*` flags; a missing flag means `false`, its documented default.
public struct Migration: Sendable, Hashable, Identifiable {
    /// The migration's numeric id.
    public var id: Int64
    /// The account that owns the migration, or nil when GitHub sends `owner: null`.
    public var owner: SimpleUser?
    /// The archive's globally unique id; it names the archive file.
    public var guid: String
    /// Where the migration is in its life.
    public var state: MigrationState
    /// Whether the repositories are locked while migrating.
    public var lockRepositories: Bool
    /// Whether metadata (issues, pull requests, ...) was left out.
    public var excludeMetadata: Bool
    /// Whether git data was left out.
    public var excludeGitData: Bool
    /// Whether attachments were left out.
    public var excludeAttachments: Bool
    /// Whether releases were left out.
    public var excludeReleases: Bool
    /// Whether projects owned by the organization or user were left out.
    public var excludeOwnerProjects: Bool
    /// Whether only organization metadata was migrated.
    public var orgMetadataOnly: Bool
    /// The repositories in the migration; empty when the request excluded them.
    public var repositories: [SimpleRepository]
    /// The API URL of this migration.
    public var url: String?
    /// When the migration was created.
    public var createdAt: Date
    /// When the migration last changed state.
    public var updatedAt: Date
    /// The GraphQL node id, absent from old payloads.
    public var nodeID: String?
    /// The API URL of the archive (not the storage URL), present once exported.
    public var archiveURL: String?
    /// Attributes left out of this response, such as `repositories`.
    public var exclude: [String]?

    /// Creates a migration value, mostly for tests and previews.
    public init(
        id: Int64, guid: String, state: MigrationState, createdAt: Date, updatedAt: Date,
        repositories: [SimpleRepository] = [], lockRepositories: Bool = false, owner: SimpleUser? = nil
    ) {
        self.id = id
        self.guid = guid
        self.state = state
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.repositories = repositories
        self.lockRepositories = lockRepositories
        self.owner = owner
        excludeMetadata = false
        excludeGitData = false
        excludeAttachments = false
        excludeReleases = false
        excludeOwnerProjects = false
        orgMetadataOnly = false
    }

    /// True when the response left the repository list out on purpose.
    public var repositoriesExcluded: Bool { exclude?.contains("repositories") == true }
}

extension Migration: Codable {
    enum CodingKeys: String, CodingKey {
        case id, owner, guid, state, repositories, url, exclude
        case lockRepositories = "lock_repositories"
        case excludeMetadata = "exclude_metadata"
        case excludeGitData = "exclude_git_data"
        case excludeAttachments = "exclude_attachments"
        case excludeReleases = "exclude_releases"
        case excludeOwnerProjects = "exclude_owner_projects"
        case orgMetadataOnly = "org_metadata_only"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case nodeID = "node_id"
        case archiveURL = "archive_url"
    }

    /// Decodes a migration, defaulting absent flags to `false` as GitHub documents.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        owner = try c.decodeIfPresent(SimpleUser.self, forKey: .owner)
        guid = try c.decode(String.self, forKey: .guid)
        state = try c.decode(MigrationState.self, forKey: .state)
        lockRepositories = try c.decodeIfPresent(Bool.self, forKey: .lockRepositories) ?? false
        excludeMetadata = try c.decodeIfPresent(Bool.self, forKey: .excludeMetadata) ?? false
        excludeGitData = try c.decodeIfPresent(Bool.self, forKey: .excludeGitData) ?? false
        excludeAttachments = try c.decodeIfPresent(Bool.self, forKey: .excludeAttachments) ?? false
        excludeReleases = try c.decodeIfPresent(Bool.self, forKey: .excludeReleases) ?? false
        excludeOwnerProjects = try c.decodeIfPresent(Bool.self, forKey: .excludeOwnerProjects) ?? false
        orgMetadataOnly = try c.decodeIfPresent(Bool.self, forKey: .orgMetadataOnly) ?? false
        repositories = try c.decodeIfPresent([SimpleRepository].self, forKey: .repositories) ?? []
        url = try c.decodeIfPresent(String.self, forKey: .url)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        nodeID = try c.decodeIfPresent(String.self, forKey: .nodeID)
        archiveURL = try c.decodeIfPresent(String.self, forKey: .archiveURL)
        exclude = try c.decodeIfPresent([String].self, forKey: .exclude)
    }
}
