/// Whose migrations a call is about: an organization's (`/orgs/{org}/migrations`) or the user's (`/user/migrations`).
public enum MigrationScope: Sendable, Hashable, CustomStringConvertible {
    /// An organization's migrations; only its owners may see them.
    case organization(String)
    /// The authenticated user's own migrations.
    case user

    /// The path prefix of the scope's migration endpoints.
    public var migrationsPath: String {
        switch self {
        case .organization(let org): "/orgs/\(PathSegment.escape(org))/migrations"
        case .user: "/user/migrations"
        }
    }

    /// The organization's login, or `user`.
    public var description: String {
        switch self {
        case .organization(let org): org
        case .user: "user"
        }
    }

    /// The scope a `description` names: `user`, or an organization's login.
    public init(description: String) {
        self = description == "user" ? .user : .organization(description)
    }
}
