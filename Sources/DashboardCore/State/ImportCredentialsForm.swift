import GitHubMigrations

/// The dialog `i` opens on an import that asks for credentials: a username and a password to send by
/// `PATCH .../import`, with the import's VCS and TFVC project when GitHub has said them.
public struct ImportCredentialsForm: Sendable, Equatable {
    /// The dialog's fields, in Tab order.
    public enum Field: Int, CaseIterable, Sendable {
        case username, password, submit

        /// The label shown.
        public var label: String {
            switch self {
            case .username: "Username"
            case .password: "Password"
            case .submit: "Retry import"
            }
        }
    }

    /// The import to retry.
    public var repository: RepositoryName
    /// The originating repository's URL, as GitHub reported it (cleaned for the screen).
    public var vcsURL: String
    /// The import's status when the dialog opened (cleaned for the screen).
    public var status: String
    /// The import's VCS, when GitHub has said it; sent back so the retry does not detect again.
    public var vcs: String?
    /// The import's TFVC project, when GitHub has said it.
    public var tfvcProject: String?
    /// The username for the originating repository.
    public var username = TextField()
    /// The password for the originating repository; drawn as bullets, never logged.
    public var password = TextField(secret: true)
    /// The focused field.
    public var field: Field = .username

    /// Creates the dialog for an import as it was last seen.
    public init(repository: RepositoryName, progress: SourceImport?) {
        self.repository = repository
        vcsURL = ScreenText.clean(progress?.vcsURL ?? "")
        let statusText = progress?.statusText.map { " (\($0))" } ?? ""
        status = ScreenText.clean((progress?.status.rawValue ?? "") + statusText)
        vcs = progress?.vcs.flatMap { Self.knownVCS.contains($0) ? $0 : nil }
        tfvcProject = vcs == "tfvc" ? progress?.tfvcProject : nil
    }

    /// The `vcs` values GitHub accepts; anything else is left out rather than sent back.
    public static let knownVCS = ["subversion", "git", "mercurial", "tfvc"]

    /// Why the dialog cannot be sent yet, if it cannot.
    public var problem: String? {
        if username.text.isEmpty { return "type the username" }
        if password.text.isEmpty { return "type the password" }
        return nil
    }

    /// The update the dialog sends: never empty, because an empty update restarts the import.
    public var request: UpdateImportRequest {
        UpdateImportRequest(
            vcsUsername: username.text, vcsPassword: password.text, vcs: vcs, tfvcProject: tfvcProject)
    }
}
