import GitHubMigrations

/// A migration's options and repositories in the journal's columns.
struct MigrationDetails: Equatable {
    /// The most bytes of repository names kept; the count stays exact.
    static let repositoriesLimit = 64 * 1_024

    /// The options set, comma-separated in a fixed order.
    var flags: String
    /// How many repositories; nil when GitHub left the list out.
    var repositoryCount: Int?
    /// The full names, one per line; nil when GitHub left the list out.
    var repositories: String?

    /// The columns for `migration`.
    init(_ migration: Migration) {
        let options: [(String, Bool)] = [
            ("lock_repositories", migration.lockRepositories), ("exclude_metadata", migration.excludeMetadata),
            ("exclude_git_data", migration.excludeGitData), ("exclude_attachments", migration.excludeAttachments),
            ("exclude_releases", migration.excludeReleases),
            ("exclude_owner_projects", migration.excludeOwnerProjects),
            ("org_metadata_only", migration.orgMetadataOnly),
        ]
        flags = options.filter(\.1).map(\.0).joined(separator: ",")
        if migration.repositoriesExcluded {
            repositoryCount = nil
            repositories = nil
        } else {
            repositoryCount = migration.repositories.count
            // One name per line: a name that brings its own line break would read as two.
            let names = migration.repositories.map { $0.fullName.replacingOccurrences(of: "\n", with: " ") }
            repositories = Bounded.text(names.joined(separator: "\n"), Self.repositoriesLimit)
        }
    }
}
