import Foundation

extension Simulator {
    /// The answer to a request hit by a status or rate-limit fault; such answers do not spend the budget.
    func faultResponse(_ fault: Fault.Kind, _ request: APIRequest, requestID: String) -> OutgoingResponse {
        let now = clock.now
        let token = request.token.flatMap { options.tokens.contains($0) ? $0 : nil }
        let rate = rateLimiter.peek(token, now: now)
        switch fault {
        case .primaryRateLimit:
            let exhausted = RateLimitSnapshot(
                limit: rate.limit, remaining: 0, used: rate.limit,
                reset: Int(now.timeIntervalSince1970.rounded(.down)) + 60, resource: rate.resource)
            return finish(primaryLimitResponse(requestID: requestID), request, rate: exhausted, requestID: requestID)
        case .secondaryRateLimit(let retryAfter, let status):
            var response = APIResponse.error(
                status,
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
                    + "If you reach out to GitHub Support for help, please include the request ID \(requestID).",
                docs: Docs.secondaryRateLimits)
            if let retryAfter { response.headers.append(("retry-after", String(retryAfter))) }
            return finish(response, request, rate: rate, requestID: requestID)
        case .status(let code):
            return finish(.error(code, Self.message(for: code)), request, rate: rate, requestID: requestID)
        case .stall, .dropMidBody, .ignoreRange:
            return finish(.error(500, "Server Error"), request, rate: rate, requestID: requestID)
        }
    }

    /// GitHub's 403 for an exhausted primary budget.
    func primaryLimitResponse(requestID: String) -> APIResponse {
        .error(
            403,
            "API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, "
                + "please include the request ID \(requestID).",
            docs: Docs.rateLimits + "#about-the-primary-rate-limit")
    }

    private static func message(for status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Bad credentials"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 410: "Gone"
        case 422: "Validation Failed"
        case 429: "Too Many Requests"
        case 500, 502: "Server Error"
        case 503: "Service Unavailable"
        case 504:
            "We couldn't respond to your request in time. Sorry about that. "
                + "Please try resubmitting your request and contact us if the problem persists."
        default: "Error"
        }
    }
}
