/// The body of `PUT /repos/{owner}/{repo}/import`.
public struct StartImportRequest: Codable, Sendable, Hashable {
    /// The URL of the originating repository.
    public var vcsURL: String
    /// `subversion`, `git`, `mercurial` or `tfvc`; nil lets GitHub detect it.
    public var vcs: String?
    /// The username for the originating repository.
    public var vcsUsername: String?
    /// The password for the originating repository.
    public var vcsPassword: String?
    /// The TFVC project, for `tfvc`.
    public var tfvcProject: String?

    /// Creates a request.
    public init(
        vcsURL: String, vcs: String? = nil, vcsUsername: String? = nil, vcsPassword: String? = nil,
        tfvcProject: String? = nil
    ) {
        self.vcsURL = vcsURL
        self.vcs = vcs
        self.vcsUsername = vcsUsername
        self.vcsPassword = vcsPassword
        self.tfvcProject = tfvcProject
    }

    enum CodingKeys: String, CodingKey {
        case vcs
        case vcsURL = "vcs_url"
        case vcsUsername = "vcs_username"
        case vcsPassword = "vcs_password"
        case tfvcProject = "tfvc_project"
    }
}

/// The body of `PATCH /repos/{owner}/{repo}/import`; an empty update restarts the import.
public struct UpdateImportRequest: Codable, Sendable, Hashable {
    /// New credentials' username.
    public var vcsUsername: String?
    /// New credentials' password.
    public var vcsPassword: String?
    /// The VCS chosen after `detection_found_multiple`.
    public var vcs: String?
    /// The TFVC project chosen after `detection_found_multiple`.
    public var tfvcProject: String?
    /// The chosen project's `human_name`, which GitHub's example of choosing a project sends back.
    public var humanName: String?

    /// Creates an update; with every field nil it asks GitHub to restart the import.
    public init(
        vcsUsername: String? = nil, vcsPassword: String? = nil, vcs: String? = nil, tfvcProject: String? = nil,
        humanName: String? = nil
    ) {
        self.vcsUsername = vcsUsername
        self.vcsPassword = vcsPassword
        self.vcs = vcs
        self.tfvcProject = tfvcProject
        self.humanName = humanName
    }

    enum CodingKeys: String, CodingKey {
        case vcs
        case vcsUsername = "vcs_username"
        case vcsPassword = "vcs_password"
        case tfvcProject = "tfvc_project"
        case humanName = "human_name"
    }
}

// A request holding a password is described without it, so no log line, error text or test failure
// message can carry the password (Swift describes an enum's payload with these).
extension StartImportRequest: CustomStringConvertible, CustomDebugStringConvertible {
    /// The request with its password redacted.
    public var description: String {
        "StartImportRequest(vcs_url: \(vcsURL), vcs: \(vcs ?? "nil"), vcs_username: \(vcsUsername ?? "nil"), "
            + "vcs_password: \(vcsPassword == nil ? "nil" : "<redacted>"), tfvc_project: \(tfvcProject ?? "nil"))"
    }

    /// The same as `description`: the password is never shown.
    public var debugDescription: String { description }
}

extension UpdateImportRequest: CustomStringConvertible, CustomDebugStringConvertible {
    /// The update with its password redacted.
    public var description: String {
        "UpdateImportRequest(vcs_username: \(vcsUsername ?? "nil"), "
            + "vcs_password: \(vcsPassword == nil ? "nil" : "<redacted>"), vcs: \(vcs ?? "nil"), "
            + "tfvc_project: \(tfvcProject ?? "nil"), human_name: \(humanName ?? "nil"))"
    }

    /// The same as `description`: the password is never shown.
    public var debugDescription: String { description }
}

/// The body of `PATCH /repos/{owner}/{repo}/import/authors/{author_id}`.
public struct AuthorMapping: Codable, Sendable, Hashable {
    /// The email the author's commits will carry.
    public var email: String?
    /// The name the author's commits will carry.
    public var name: String?

    /// Creates a mapping.
    public init(email: String? = nil, name: String? = nil) {
        self.email = email
        self.name = name
    }
}

/// The target of a source import call: a repository on GitHub.
public struct RepositoryName: Sendable, Hashable, CustomStringConvertible {
    /// The owner's login.
    public var owner: String
    /// The repository's name.
    public var name: String

    /// Creates a name from its parts.
    public init(owner: String, name: String) {
        self.owner = owner
        self.name = name
    }

    /// Parses `owner/name`; nil for anything else.
    public init?(_ fullName: String) {
        let parts = fullName.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(owner: String(parts[0]), name: String(parts[1]))
    }

    /// `owner/name`.
    public var description: String { "\(owner)/\(name)" }
}
