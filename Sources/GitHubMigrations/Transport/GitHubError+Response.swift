import Foundation

/// GitHub's JSON error body: `{message, errors, documentation_url}`.
struct ErrorBody: Decodable {
    var message: String?
    var errors: [GitHubError.FieldError]?
    var documentationURL: String?

    enum CodingKeys: String, CodingKey {
        case message, errors
        case documentationURL = "documentation_url"
    }

    /// Decodes leniently: `errors` is sometimes an array of strings.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        message = try? c.decodeIfPresent(String.self, forKey: .message)
        documentationURL = try? c.decodeIfPresent(String.self, forKey: .documentationURL)
        if let structured = try? c.decodeIfPresent([GitHubError.FieldError].self, forKey: .errors) {
            errors = structured
        } else if let plain = try? c.decodeIfPresent([String].self, forKey: .errors) {
            errors = plain.map { GitHubError.FieldError(message: $0) }
        }
    }
}

extension GitHubError {
    /// Classifies a non-success response the way GitHub documents its statuses and limits; `retryAt` is
    /// brought within `waits`, whatever the headers say.
    init(response: APIResponse, request: String, now: Date, waits: ServerWaits = ServerWaits()) {
        let body = try? JSONDecoder().decode(ErrorBody.self, from: response.body)
        let message = body?.message ?? HTTPStatusText.phrase(for: response.status)
        let kind = Self.kind(status: response.status, headers: response.headers, body: body)
        self.init(
            kind: kind, status: response.status, message: message, errors: body?.errors ?? [],
            documentationURL: body?.documentationURL, requestID: response.headers.first("x-github-request-id"),
            retryAt: Self.retryAt(kind: kind, headers: response.headers, now: now, waits: waits), request: request,
            acceptedScopes: Self.scopes(response.headers.first("x-accepted-oauth-scopes")) ?? [],
            tokenScopes: Self.scopes(response.headers.first("x-oauth-scopes")))
    }

    private static func kind(status: Int, headers: ResponseHeaders, body: ErrorBody?) -> Kind {
        let message = body?.message?.lowercased() ?? ""
        switch status {
        case 401: return .unauthorized
        case 403, 429:
            if headers.int("x-ratelimit-remaining") == 0 { return .rateLimited }
            if isSecondaryLimit(status: status, headers: headers, message: message, body: body) {
                return .secondaryRateLimited
            }
            return .forbidden
        case 404:
            let retired = ["retired", "closing down", "no longer available"].contains { message.contains($0) }
            return retired ? .retiredAPI : .notFound
        case 410: return .retiredAPI
        case 400, 422: return .validation
        case 500...599: return .serverError
        default: return .unexpectedStatus
        }
    }

    /// GitHub signals a secondary limit by message, documentation URL or `Retry-After` (go-github, octokit).
    static func isSecondaryLimit(status: Int, headers: ResponseHeaders, message: String, body: ErrorBody?) -> Bool {
        if message.contains("secondary rate") || message.contains("abuse") { return true }
        let docs = body?.documentationURL ?? ""
        if docs.hasSuffix("secondary-rate-limits") || docs.hasSuffix("#abuse-rate-limits") { return true }
        return headers.first("retry-after") != nil || status == 429
    }

    private static func retryAt(kind: Kind, headers: ResponseHeaders, now: Date, waits: ServerWaits) -> Date? {
        switch kind {
        case .rateLimited:
            return waits.primaryReset(headers, now: now)
        case .secondaryRateLimited:
            return waits.retryAfter(headers).map { now.addingTimeInterval($0) }
        default:
            return nil
        }
    }

    private static func scopes(_ header: String?) -> [String]? {
        header.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }
}

/// Reason phrases for statuses whose body carried no message.
enum HTTPStatusText {
    /// A short phrase for an HTTP status.
    static func phrase(for status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "HTTP \(status)"
        }
    }
}
