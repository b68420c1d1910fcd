import Foundation

/// A response of the simulated API before the shared headers (rate limit, ETag, request id) are added.
struct APIResponse: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []
    /// `nil` sends no `Content-Type`.
    var contentType: String? = "application/json; charset=utf-8"
    /// When the content last changed; GETs answered 200 also get an `ETag` and may become 304.
    var lastModified: Date? = nil
    /// Whether `/rate_limit`-style reads leave the budget alone.
    var spendsBudget = true

    /// A JSON body, serialized with sorted keys.
    static func json(_ value: some Encodable, status: Int = 200, lastModified: Date? = nil) -> APIResponse {
        APIResponse(status: status, body: WireJSON.encode(value), lastModified: lastModified)
    }

    /// GitHub's error body: `message`, `documentation_url`, `status` and optional field `errors`.
    static func error(
        _ status: Int, _ message: String, docs: String = Docs.rest, errors: [WireError.Field]? = nil
    ) -> APIResponse {
        json(
            WireError(message: message, documentationURL: docs, status: String(status), errors: errors), status: status)
    }

    /// 404 `{"message":"Not Found"}`.
    static func notFound(docs: String = Docs.rest) -> APIResponse {
        error(404, "Not Found", docs: docs)
    }

    /// 422 `Validation Failed` naming one field.
    static func validationFailed(resource: String, field: String, code: String, docs: String) -> APIResponse {
        error(
            422, "Validation Failed", docs: docs,
            errors: [WireError.Field(resource: resource, field: field, code: code)])
    }

    /// 204 with no body, as the archive and lock deletes answer.
    static func noContent() -> APIResponse {
        APIResponse(status: 204, contentType: "application/octet-stream")
    }
}

/// GitHub's JSON error body.
struct WireError: Encodable, Sendable {
    /// One entry of `errors` in a 422.
    struct Field: Encodable, Sendable, Equatable {
        let resource: String
        let field: String
        let code: String
    }

    let message: String
    let documentationURL: String
    let status: String
    let errors: [Field]?
}

/// Documentation URLs GitHub puts in `documentation_url`.
enum Docs {
    /// The REST API overview, used where no page is more specific.
    static let rest = "https://docs.github.com/rest"
    /// Organization migrations.
    static let orgMigrations = "https://docs.github.com/rest/migrations/orgs"
    /// User migrations.
    static let userMigrations = "https://docs.github.com/rest/migrations/users"
    /// Source imports.
    static let imports = "https://docs.github.com/rest/migrations/source-imports"
    /// Primary rate limits.
    static let rateLimits = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"
    /// Secondary rate limits; clients classify the error by this suffix.
    static let secondaryRateLimits = rateLimits + "#about-secondary-rate-limits"
}
