import GitHubMigrations

/// The state of the author-mapping dialog: the import's authors, one selected and being edited.
public struct AuthorsForm: Sendable, Equatable {
    /// Which part of the dialog has focus.
    public enum Field: Int, CaseIterable, Sendable {
        case list, name, email
    }

    /// The import whose authors these are.
    public var repository: RepositoryName
    /// The authors; nil while loading.
    public var authors: [ImportAuthor]?
    /// The selected author.
    public var cursor = ListCursor()
    /// The focused part.
    public var field: Field = .list
    /// The name being typed for the selected author.
    public var name = TextField()
    /// The email being typed for the selected author.
    public var email = TextField()

    /// Creates the dialog for an import.
    public init(repository: RepositoryName) {
        self.repository = repository
    }

    /// The selected author.
    public var selected: ImportAuthor? {
        guard let authors, authors.indices.contains(cursor.selected) else { return nil }
        return authors[cursor.selected]
    }
}
