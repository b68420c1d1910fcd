/// The body of `POST /orgs/{org}/migrations` and `POST /user/migrations`.
public struct StartMigrationRequest: Codable, Sendable, Hashable {
    /// Repositories to export, by name (`repo`) or full name (`owner/repo`).
    public var repositories: [String]
    /// Lock the repositories while exporting (GitHub highly recommends it).
    public var lockRepositories: Bool
    /// Leave out metadata such as issues and pull requests.
    public var excludeMetadata: Bool
    /// Leave out git data.
    public var excludeGitData: Bool
    /// Leave out attachments.
    public var excludeAttachments: Bool
    /// Leave out releases.
    public var excludeReleases: Bool
    /// Leave out projects owned by the organization or user.
    public var excludeOwnerProjects: Bool
    /// Migrate only organization metadata; `repositories` must then be empty.
    public var orgMetadataOnly: Bool
    /// Attributes to leave out of the response, such as `repositories`.
    public var exclude: [String]?

    /// Creates a request; every flag defaults to `false`, as GitHub's do.
    public init(
        repositories: [String], lockRepositories: Bool = false, excludeMetadata: Bool = false,
        excludeGitData: Bool = false, excludeAttachments: Bool = false, excludeReleases: Bool = false,
        excludeOwnerProjects: Bool = false, orgMetadataOnly: Bool = false, exclude: [String]? = nil
    ) {
        self.repositories = repositories
        self.lockRepositories = lockRepositories
        self.excludeMetadata = excludeMetadata
        self.excludeGitData = excludeGitData
        self.excludeAttachments = excludeAttachments
        self.excludeReleases = excludeReleases
        self.excludeOwnerProjects = excludeOwnerProjects
        self.orgMetadataOnly = orgMetadataOnly
        self.exclude = exclude
    }

    enum CodingKeys: String, CodingKey {
        case repositories, exclude
        case lockRepositories = "lock_repositories"
        case excludeMetadata = "exclude_metadata"
        case excludeGitData = "exclude_git_data"
        case excludeAttachments = "exclude_attachments"
        case excludeReleases = "exclude_releases"
        case excludeOwnerProjects = "exclude_owner_projects"
        case orgMetadataOnly = "org_metadata_only"
    }
}
