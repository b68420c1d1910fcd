import Foundation

/// A user or organization in the simulated world.
struct AccountRecord: Sendable, Equatable {
    /// Users and organizations differ in URLs, `type` and what they may own.
    enum Kind: String, Sendable {
        case user = "User"
        case organization = "Organization"
    }

    let login: String
    let id: Int
    let kind: Kind
    let name: String
    let description: String?
    let createdAt: Date

    /// The GraphQL node id GitHub sends as `node_id`.
    var nodeID: String {
        NodeID.make(kind.rawValue, id)
    }
}

/// A repository in the simulated world.
struct RepositoryRecord: Sendable, Equatable {
    let id: Int
    /// Login of the owning user or organization.
    let owner: String
    let name: String
    let description: String?
    let isPrivate: Bool
    let language: String?
    let createdAt: Date

    /// `owner/name`.
    var fullName: String { "\(owner)/\(name)" }

    /// The GraphQL node id GitHub sends as `node_id`.
    var nodeID: String { NodeID.make("Repository", id) }
}
