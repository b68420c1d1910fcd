import Foundation

/// A GitHub account as the API embeds it in other objects ("Simple User").
///
/// Only `login` and `id` are relied on: the 2015-era payloads in GitHub's docs lack
/// `node_id` and several URLs that today's schema marks required.
public struct SimpleUser: Codable, Sendable, Hashable {
    /// The account's login, such as `octocat`.
    public var login: String
    /// The account's numeric id.
    public var id: Int64
    /// The GraphQL node id, absent from old payloads.
    public var nodeID: String?
    /// `User`, `Organization` or `Bot`.
    public var type: String?
    /// The display name, when the endpoint includes it.
    public var name: String?
    /// The public email, when the endpoint includes it.
    public var email: String?
    /// The API URL of the account.
    public var url: String?
    /// The web URL of the account.
    public var htmlURL: String?
    /// Whether the account is a GitHub staff member.
    public var siteAdmin: Bool?

    /// Creates a user value, mostly for tests and previews.
    public init(login: String, id: Int64, type: String? = "User", name: String? = nil) {
        self.login = login
        self.id = id
        self.type = type
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case login, id, type, name, email, url
        case nodeID = "node_id"
        case htmlURL = "html_url"
        case siteAdmin = "site_admin"
    }
}
