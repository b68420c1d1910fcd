import GitHubMigrations

/// The state of the new-import dialog.
public struct NewImportForm: Sendable, Equatable {
    /// The dialog's fields, in Tab order.
    public enum Field: Int, CaseIterable, Sendable {
        case repository, url, vcs, username, password, submit

        /// The label shown.
        public var label: String {
            switch self {
            case .repository: "Repository (owner/name)"
            case .url: "VCS URL"
            case .vcs: "VCS"
            case .username: "Username"
            case .password: "Password"
            case .submit: "Start import"
            }
        }
    }

    /// The VCS choices; `auto` lets GitHub detect it.
    public static let vcsChoices = ["auto", "git", "subversion", "mercurial", "tfvc"]

    /// The target repository.
    public var repository = TextField()
    /// The originating repository's URL.
    public var url = TextField()
    /// Index into `vcsChoices`.
    public var vcsIndex = 0
    /// Credentials for the originating repository.
    public var username = TextField()
    /// Credentials for the originating repository; never shown.
    public var password = TextField(secret: true)
    /// The focused field.
    public var field: Field = .repository

    /// Creates an empty dialog, optionally with a repository filled in.
    public init(repository: String = "") {
        self.repository = TextField(repository)
    }

    /// The text field behind a field, nil for the VCS choice and the submit button.
    public func textField(_ field: Field) -> TextField? {
        switch field {
        case .repository: repository
        case .url: url
        case .username: username
        case .password: password
        case .vcs, .submit: nil
        }
    }

    /// Why the dialog cannot be submitted yet, if it cannot.
    public var problem: String? {
        if RepositoryName(repository.text) == nil { return "repository must be owner/name" }
        if url.text.isEmpty { return "the VCS URL is required" }
        return nil
    }

    /// The request the dialog will send.
    public var request: StartImportRequest {
        StartImportRequest(
            vcsURL: url.text, vcs: vcsIndex == 0 ? nil : Self.vcsChoices[vcsIndex],
            vcsUsername: username.text.isEmpty ? nil : username.text,
            vcsPassword: password.text.isEmpty ? nil : password.text)
    }
}
