import Foundation

/// Every failure of a GitHub call, as one value the UI can act on.
///
/// It never holds the token: messages come from GitHub's body or from this module, and
/// the request is described by method and path only.
public struct GitHubError: Error, Sendable, Hashable {
    /// What went wrong, in terms the dashboard can act on.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 401: no token, or a bad or expired one.
        case unauthorized
        /// 403: the token lacks a scope or the account lacks permission.
        case forbidden
        /// 404: no such thing, or not visible to this token.
        case notFound
        /// 422 (and 400): GitHub refused the request's content.
        case validation
        /// The primary rate limit is spent until `retryAt`.
        case rateLimited
        /// A secondary rate limit is still in force after the allowed retries.
        case secondaryRateLimited
        /// 5xx from GitHub.
        case serverError
        /// No connection could be made or it broke.
        case offline
        /// The request took too long.
        case timeout
        /// The endpoint was retired (410, or a 404 that says so).
        case retiredAPI
        /// A response that is not what GitHub sends for this call.
        case malformedResponse
        /// Any other HTTP status.
        case unexpectedStatus
    }

    /// One entry of GitHub's `errors` array on a 422.
    public struct FieldError: Codable, Sendable, Hashable {
        /// The resource the error is about, such as `Migration`.
        public var resource: String?
        /// The field the error is about.
        public var field: String?
        /// `missing`, `missing_field`, `invalid`, `already_exists` or `custom`.
        public var code: String?
        /// The explanation that `custom` errors carry.
        public var message: String?
    }

    /// What went wrong.
    public var kind: Kind
    /// The HTTP status, nil when no response arrived.
    public var status: Int?
    /// GitHub's `message`, or this module's description of a transport failure.
    public var message: String
    /// GitHub's `errors` array.
    public var errors: [FieldError]
    /// GitHub's `documentation_url`.
    public var documentationURL: String?
    /// The `X-GitHub-Request-Id`, to quote to GitHub support.
    public var requestID: String?
    /// When a rate limit lifts, for `rateLimited` and `secondaryRateLimited`.
    public var retryAt: Date?
    /// The request, as `METHOD /path` without query or credentials.
    public var request: String
    /// The scopes the endpoint accepts (`X-Accepted-OAuth-Scopes`), when GitHub says.
    public var acceptedScopes: [String]
    /// The scopes the token has (`X-OAuth-Scopes`), when GitHub says.
    public var tokenScopes: [String]?

    /// Creates an error.
    public init(
        kind: Kind, status: Int? = nil, message: String, errors: [FieldError] = [], documentationURL: String? = nil,
        requestID: String? = nil, retryAt: Date? = nil, request: String = "", acceptedScopes: [String] = [],
        tokenScopes: [String]? = nil
    ) {
        self.kind = kind
        self.status = status
        self.message = message
        self.errors = errors
        self.documentationURL = documentationURL
        self.requestID = requestID
        self.retryAt = retryAt
        self.request = request
        self.acceptedScopes = acceptedScopes
        self.tokenScopes = tokenScopes
    }

    /// A stable code for logs and tests, such as `rate_limited`.
    public var code: String {
        kind.rawValue.replacing(/[A-Z]/) { "_" + $0.output.lowercased() }
    }

    /// True when trying again later may succeed without the user changing anything.
    public var isTransient: Bool {
        [.rateLimited, .secondaryRateLimited, .serverError, .offline, .timeout].contains(kind)
    }
}
