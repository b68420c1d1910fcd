import Foundation

/// An organization as `GET /user/orgs` lists it.
public struct Organization: Codable, Sendable, Hashable {
    /// The organization's login, such as `octo-org`.
    public var login: String
    /// The organization's numeric id.
    public var id: Int64
    /// The GraphQL node id.
    public var nodeID: String?
    /// The API URL of the organization.
    public var url: String?
    /// The description, or nil.
    public var description: String?

    /// Creates an organization value, mostly for tests and previews.
    public init(login: String, id: Int64) {
        self.login = login
        self.id = id
    }

    enum CodingKeys: String, CodingKey {
        case login, id, url, description
        case nodeID = "node_id"
    }
}
