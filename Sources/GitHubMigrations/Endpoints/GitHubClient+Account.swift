import Foundation

extension GitHubClient {
    /// The account the token belongs to (`GET /user`).
    public func authenticatedUser() async throws -> SimpleUser {
        try await fetch(SimpleUser.self, APIRequest(method: .get, path: "/user"))
    }

    /// The organizations the user belongs to, every page.
    public func organizations() async throws -> [Organization] {
        try await fetchAll(Organization.self, path: "/user/orgs")
    }

    /// An organization's repositories, every page.
    public func organizationRepositories(_ org: String) async throws -> [SimpleRepository] {
        try await fetchAll(SimpleRepository.self, path: "/orgs/\(PathSegment.escape(org))/repos")
    }

    /// The user's repositories, every page.
    public func userRepositories() async throws -> [SimpleRepository] {
        try await fetchAll(SimpleRepository.self, path: "/user/repos", query: [("affiliation", "owner")])
    }

    /// The core rate limit from `GET /rate_limit` (which costs nothing),
    /// or nil on an Enterprise Server with rate limiting off, where the endpoint answers 404.
    public func rateLimit() async throws -> RateLimit? {
        do {
            let overview = try await fetch(RateLimitOverview.self, APIRequest(method: .get, path: "/rate_limit"))
            return overview.resources?.core ?? overview.rate
        } catch let error as GitHubError where error.kind == .notFound {
            return nil
        }
    }
}
