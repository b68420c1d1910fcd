import Foundation

extension GitHubError: CustomStringConvertible {
    /// The one line a user reads: what happened and what to do, never a token or a Swift dump.
    public var userMessage: String {
        var line: String
        switch kind {
        case .unauthorized:
            // Where the token came from is the caller's to know; name every way to give one, the
            // Enterprise Server variable included, and the process-list-safe ones first.
            line =
                "GitHub did not accept the token (\(message)). Give a valid classic token with GH_TOKEN "
                + "(GH_ENTERPRISE_TOKEN for Enterprise Server), --token-file PATH or --token -."
        case .forbidden:
            line = "GitHub refused \(request): \(message)."
            if let tokenScopes, !acceptedScopes.isEmpty, !acceptedScopes.contains(where: tokenScopes.contains) {
                line += " The token lacks the scope \(acceptedScopes.joined(separator: " or "))."
            }
            line += " The Migrations API accepts only classic personal access tokens with the repo"
            line += " (and admin:org for organizations) scope, from an organization owner."
        case .notFound:
            line =
                request.contains("/orgs/")
                ? "Not found: \(request). The organization may not be yours to migrate, or the item is gone."
                : "Not found: \(request). It may be gone, or not yours."
        case .validation:
            line = "GitHub rejected \(request): \(message)" + fieldSummary
        case .rateLimited:
            line = "Rate limit spent; no requests until \(Self.clock(retryAt))."
        case .secondaryRateLimited:
            line = "GitHub's secondary rate limit is in force; waiting until \(Self.clock(retryAt))."
        case .serverError:
            line = "GitHub had a server error (\(status.map(String.init) ?? "5xx")) on \(request)."
        case .offline:
            line = "Cannot reach the API: \(message)."
        case .timeout:
            line = "The API did not answer in time: \(request)."
        case .retiredAPI:
            line = "This API has been retired by GitHub: \(request)."
        case .malformedResponse:
            line = "The API sent a response migdash cannot read for \(request): \(message)."
        case .unexpectedStatus:
            line = "Unexpected HTTP \(status.map(String.init) ?? "?") on \(request): \(message)."
        }
        if let requestID { line += " (request \(requestID))" }
        return line
    }

    /// Same as `userMessage`.
    public var description: String { userMessage }

    private var fieldSummary: String {
        let parts = errors.map { error in
            [error.resource, error.field, error.code ?? error.message].compactMap { $0 }.joined(separator: " ")
        }
        return parts.isEmpty ? "." : " (" + parts.joined(separator: "; ") + ")."
    }

    private static func clock(_ date: Date?) -> String {
        guard let date else { return "later" }
        return date.formatted(.iso8601.time(includingFractionalSeconds: false)) + " UTC"
    }
}
