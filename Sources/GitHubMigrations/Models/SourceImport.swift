/// A source import: code brought into a GitHub repository from another version control host.
public struct SourceImport: Codable, Sendable, Hashable {
    /// The originating VCS (`subversion`, `git`, `mercurial`, `tfvc`), nil while detecting.
    public var vcs: String?
    /// The LFS choice; GitHub's schema says boolean, its prose `opt_in`/`opt_out`/`undecided`.
    public var useLFS: LFSChoice?
    /// The URL of the originating repository.
    public var vcsURL: String
    /// The TFVC project, for `tfvc` imports.
    public var tfvcProject: String?
    /// Where the import is.
    public var status: ImportStatus
    /// A human-readable status line.
    public var statusText: String?
    /// The step that failed, for `error`.
    public var failedStep: String?
    /// The error message, for `error`.
    public var errorMessage: String?
    /// Percent of the raw import done (0-100).
    public var importPercent: Int?
    /// Commits imported so far.
    public var commitCount: Int?
    /// Percent of the push done (0-100).
    public var pushPercent: Int?
    /// Whether files over 100 MB were found.
    public var hasLargeFiles: Bool?
    /// Total size of the large files, in gigabytes as GitHub documents it.
    public var largeFilesSize: Int?
    /// Number of files over 100 MB.
    public var largeFilesCount: Int?
    /// The projects to choose from, for `detection_found_multiple`.
    public var projectChoices: [ProjectChoice]?
    /// A message GitHub attaches to some statuses.
    public var message: String?
    /// Number of commit authors found.
    public var authorsCount: Int?
    /// The API URL of this import.
    public var url: String?
    /// The web URL of the import.
    public var htmlURL: String?
    /// The API URL of the commit authors.
    public var authorsURL: String?
    /// The API URL of the target repository.
    public var repositoryURL: String?

    enum CodingKeys: String, CodingKey {
        case vcs, status, message, url
        case useLFS = "use_lfs"
        case vcsURL = "vcs_url"
        case tfvcProject = "tfvc_project"
        case statusText = "status_text"
        case failedStep = "failed_step"
        case errorMessage = "error_message"
        case importPercent = "import_percent"
        case commitCount = "commit_count"
        case pushPercent = "push_percent"
        case hasLargeFiles = "has_large_files"
        case largeFilesSize = "large_files_size"
        case largeFilesCount = "large_files_count"
        case projectChoices = "project_choices"
        case authorsCount = "authors_count"
        case htmlURL = "html_url"
        case authorsURL = "authors_url"
        case repositoryURL = "repository_url"
    }
}

/// One project the importer found at a URL, for the user to choose from.
public struct ProjectChoice: Codable, Sendable, Hashable {
    /// The project's VCS.
    public var vcs: String?
    /// The TFVC project, for `tfvc`.
    public var tfvcProject: String?
    /// A label to show.
    public var humanName: String?

    enum CodingKeys: String, CodingKey {
        case vcs
        case tfvcProject = "tfvc_project"
        case humanName = "human_name"
    }
}
