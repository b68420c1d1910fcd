import Foundation

/// A repository as the Migrations API lists it ("Simple Repository").
public struct SimpleRepository: Codable, Sendable, Hashable {
    /// The repository's numeric id.
    public var id: Int64
    /// The GraphQL node id, absent from old payloads.
    public var nodeID: String?
    /// The short name, such as `Hello-World`.
    public var name: String
    /// `owner/name`.
    public var fullName: String
    /// The owning account; old payloads always carry it, but it is not trusted to.
    public var owner: SimpleUser?
    /// Whether the repository is private.
    public var isPrivate: Bool?
    /// The description, or nil.
    public var description: String?
    /// Whether the repository is a fork.
    public var fork: Bool?
    /// The API URL of the repository.
    public var url: String?
    /// The web URL of the repository.
    public var htmlURL: String?

    /// Creates a repository value, mostly for tests and previews.
    public init(id: Int64, name: String, fullName: String, owner: SimpleUser? = nil, isPrivate: Bool? = false) {
        self.id = id
        self.name = name
        self.fullName = fullName
        self.owner = owner
        self.isPrivate = isPrivate
    }

    enum CodingKeys: String, CodingKey {
        case id, name, owner, description, fork, url
        case nodeID = "node_id"
        case fullName = "full_name"
        case isPrivate = "private"
        case htmlURL = "html_url"
    }
}
