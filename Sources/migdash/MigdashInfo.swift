import GitHubMigrations

/// Facts about this build that the commands print.
enum MigdashInfo {
    /// The version, shared with the API client's `User-Agent`.
    static let version = MigdashVersion.string
}
