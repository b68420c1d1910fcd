import GitHubMigrations

/// Identifies a migration across scopes: ids are unique on GitHub, but the scope says which endpoints to call.
public struct MigrationKey: Hashable, Sendable, CustomStringConvertible {
    /// Whose migration it is.
    public var scope: MigrationScope
    /// The migration's id.
    public var id: Int64

    /// Creates a key.
    public init(scope: MigrationScope, id: Int64) {
        self.scope = scope
        self.id = id
    }

    /// `octo-org #1042` or `user #1041`.
    public var description: String { "\(scope) #\(id)" }
}
