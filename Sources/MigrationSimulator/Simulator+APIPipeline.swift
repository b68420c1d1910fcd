import Foundation

extension Simulator {
    /// Answers one API request: control routes, then faults, authentication, rate limit, routing, conditional GET.
    func answerAPI(_ request: APIRequest) async -> OutgoingResponse {
        if request.segments.first == "_simulator" { return answerControl(request) }
        // Taken before a stall fault's sleep: the log tells when the client sent, not when it was answered.
        let received = Date()
        let requestID = requestIDs.next()
        var dropBody = false
        var dropAfter: Int?
        if let fault = faults.take(listener: .api, method: request.method, target: request.target) {
            switch fault {
            case .stall(let seconds):
                try? await Task.sleep(for: .seconds(seconds))
            case .dropMidBody(let afterBytes):
                dropBody = true
                dropAfter = afterBytes
            case .ignoreRange:
                break
            default:
                return recorded(faultResponse(fault, request, requestID: requestID), for: request, received: received)
            }
        }
        var response = answerAuthenticated(request, requestID: requestID)
        response.dropMidBody = dropBody
        response.dropAfterBytes = dropAfter
        if request.method == "HEAD", !dropBody {
            response.announcedLength = response.body.readableBytes
            response.body.clear()
        }
        return recorded(response, for: request, received: received)
    }

    private func answerAuthenticated(_ request: APIRequest, requestID: String) -> OutgoingResponse {
        let now = clock.now
        guard let token = request.token else {
            let rate = rateLimiter.spend(nil, now: now)
            return finish(.error(401, "Requires authentication"), request, rate: rate, requestID: requestID)
        }
        guard options.tokens.contains(token) else {
            let rate = rateLimiter.spend(nil, now: now)
            return finish(.error(401, "Bad credentials"), request, rate: rate, requestID: requestID)
        }
        let budget = rateLimiter.peek(token, now: now)
        if budget.remaining == 0, request.segments != ["rate_limit"] {
            return finish(primaryLimitResponse(requestID: requestID), request, rate: budget, requestID: requestID)
        }
        var response = APIRouter.answer(request, simulator: self, now: now)
        applyConditional(&response, request, now: now)
        let free = response.status == 304 || !response.spendsBudget
        let rate = free ? rateLimiter.peek(token, now: now) : rateLimiter.spend(token, now: now)
        return finish(response, request, rate: rate, requestID: requestID)
    }

    /// Adds `ETag`/`Last-Modified` to a successful GET, and turns it into a 304 when the client has it already.
    private func applyConditional(_ response: inout APIResponse, _ request: APIRequest, now: Date) {
        guard request.method == "GET" || request.method == "HEAD", response.status == 200,
            response.contentType?.hasPrefix("application/json") == true
        else { return }
        let etag = "W/\"\(StableHash.hex(response.body, digits: 32))\""
        let modified = Date(timeIntervalSince1970: (response.lastModified ?? now).timeIntervalSince1970.rounded(.down))
        response.headers += [
            ("etag", etag), ("last-modified", HTTPDate.format(modified)),
            ("cache-control", "private, max-age=60, s-maxage=60"),
        ]
        let fresh: Bool
        if let tags = request.headers["if-none-match"] {
            fresh = tags.split(separator: ",").contains { candidate in
                let tag = candidate.trimmingCharacters(in: .whitespaces)
                return tag == "*" || Self.opaque(tag) == Self.opaque(etag)
            }
        } else if let since = request.headers["if-modified-since"].flatMap(HTTPDate.parse) {
            fresh = modified <= since
        } else {
            fresh = false
        }
        if fresh {
            response.status = 304
            response.body = []
            response.contentType = nil
        }
    }

    private static func opaque(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }

    /// Adds the headers every GitHub API response carries.
    func finish(_ response: APIResponse, _ request: APIRequest, rate: RateLimitSnapshot, requestID: String)
        -> OutgoingResponse
    {
        var headers = response.headers
        if let contentType = response.contentType { headers.append(("content-type", contentType)) }
        headers += rate.headers
        headers += [
            ("x-github-request-id", requestID),
            ("x-github-media-type", "github.v3; format=json"),
            ("x-github-api-version-selected", "2022-11-28"),
            ("vary", "Accept, Authorization, Cookie, X-GitHub-OTP"),
            ("x-content-type-options", "nosniff"),
        ]
        return OutgoingResponse(status: response.status, headers: headers, body: response.body)
    }

    private func recorded(_ response: OutgoingResponse, for request: APIRequest, received: Date) -> OutgoingResponse {
        log.record(
            listener: .api, method: request.method, target: request.target, headers: request.headers,
            status: response.status, received: received)
        return response
    }
}
