import AsyncHTTPClient
import Foundation
import NIOCore

extension GitHubClient {
    /// Sends a request under GitHub's traffic rules and returns a success, a 304 rebuilt from the cache,
    /// or a redirect when the request asked not to follow one; everything else throws `GitHubError`.
    /// A request that changes something is reported to `onMutation` however it ended.
    func send(_ request: APIRequest) async throws -> APIResponse {
        guard request.method != .get else { return try await exchange(request) }
        let record = { (status: Int?, requestID: String?, failure: String?) in
            MutationRecord(
                at: self.configuration.now(), method: request.method.rawValue,
                path: String(request.summary.drop { $0 != " " }.dropFirst()),
                body: MutationRecord.summary(of: request.body), status: status, requestID: requestID, failure: failure)
        }
        do {
            let response = try await exchange(request)
            var done = record(response.status, response.headers.first("x-github-request-id"), nil)
            if request.method == .post { done.createdID = MutationRecord.createdID(in: response.body) }
            configuration.onMutation(done)
            return response
        } catch let error as GitHubError {
            configuration.onMutation(record(error.status, error.requestID, error.userMessage))
            throw error
        } catch {
            configuration.onMutation(record(nil, nil, "\(error)"))
            throw error
        }
    }

    /// One request's exchange, with its retries, waits and redirects.
    private func exchange(_ request: APIRequest) async throws -> APIResponse {
        var hop = try url(for: request)
        var attempts = Attempts()
        while true {
            let now = configuration.now()
            if let until = await gate.primaryBlock(at: now) {
                await gate.count { $0.failures += 1 }
                throw GitHubError(
                    kind: .rateLimited, status: nil, message: "primary rate limit spent", retryAt: until,
                    request: request.summary)
            }
            let generation = waits.generation
            let delay = await gate.delayBeforeSending(
                isWrite: request.method != .get, now: now, writeSpacing: configuration.writeSpacing)
            if delay > 0 { try await waits.wait(delay, decidedAt: generation, sleep: configuration.sleep) }
            // A caller that needs the body cannot use an entry kept without one: it asks afresh.
            let cached =
                request.method == .get
                ? await cache.entry(for: hop).flatMap { $0.hasBody || !request.cachesBody ? $0 : nil } : nil
            let response: APIResponse
            do {
                let headers = headers(for: hop, body: request.body, cached: cached)
                response = try await transmit(request.method, url: hop, headers: headers, body: request.body)
            } catch let error as CancellationError {
                throw error
            } catch {
                await gate.count { $0.transportFailures &+= 1 }
                if request.method.isIdempotent, attempts.transient < configuration.maxRetries,
                    !GitHubError.isPermanentTransportFailure(error)
                {
                    try await backOff(&attempts)
                    continue
                }
                await gate.count { $0.failures += 1 }
                throw Self.transportError(error, request: request.summary, url: hop)
            }
            await gate.observe(response.headers)
            await gate.count { $0.countResponse(response.status) }
            switch response.status {
            case 304 where cached != nil:
                await gate.count { $0.notModified += 1 }
                var replay = cached!.response
                replay.fromCache = true
                return replay
            case 200..<300:
                await gate.count { $0.fresh += 1 }
                if request.method == .get { await cache.store(response, for: hop, keepingBody: request.cachesBody) }
                return response
            case 300..<400 where !request.followRedirects:
                return response
            case 301, 302, 303, 307, 308:
                hop = try redirectTarget(response, from: hop, request: request, attempts: &attempts)
                continue
            default:
                break
            }
            try await handleFailure(response, request: request, now: configuration.now(), attempts: &attempts)
        }
    }

    /// Counters for one call's repeated attempts.
    struct Attempts {
        var transient = 0
        var secondary = 0
        var redirects = 0
    }

    /// Decides whether a failed response is retried (returns) or thrown.
    private func handleFailure(_ response: APIResponse, request: APIRequest, now: Date, attempts: inout Attempts)
        async throws
    {
        let waits = ServerWaits(configuration)
        var error = GitHubError(response: response, request: request.summary, now: now, waits: waits)
        switch error.kind {
        case .rateLimited:
            await gate.blockPrimary(until: error.retryAt ?? now.addingTimeInterval(ServerWaits.unknownResetWait))
        case .secondaryRateLimited where attempts.secondary < configuration.maxSecondaryLimitRetries:
            let fallback = waits.capped(configuration.secondaryLimitFallback * pow(2, Double(attempts.secondary)))
            let wait = waits.retryAfter(response.headers) ?? fallback
            attempts.secondary += 1
            await gate.pause(until: now.addingTimeInterval(wait))
            configuration.onPause(now.addingTimeInterval(wait))
            await gate.count { $0.retries += 1 }
            return
        case .secondaryRateLimited:
            error.retryAt = error.retryAt ?? now.addingTimeInterval(waits.capped(configuration.secondaryLimitFallback))
        case .serverError
        where request.method.isIdempotent && [502, 503, 504].contains(response.status)
            && attempts.transient < configuration.maxRetries:
            try await backOff(&attempts)
            return
        default:
            break
        }
        await gate.count { $0.failures += 1 }
        throw error
    }

    /// Waits an exponentially growing, jittered delay before the next transient retry.
    private func backOff(_ attempts: inout Attempts) async throws {
        let base = configuration.retryBaseDelay * pow(2, Double(attempts.transient))
        attempts.transient += 1
        await gate.count { $0.retries += 1 }
        try await waits.wait(
            base * Double.random(in: 0.5...1.0), decidedAt: waits.generation, sleep: configuration.sleep)
    }

    /// Where a redirect points; GitHub asks clients to follow them for this request only.
    private func redirectTarget(
        _ response: APIResponse, from hop: String, request: APIRequest, attempts: inout Attempts
    )
        throws -> String
    {
        attempts.redirects += 1
        guard attempts.redirects <= 5, let location = response.headers.first("location"),
            let target = URL(string: location, relativeTo: URL(string: hop))?.absoluteString
        else {
            throw GitHubError(
                kind: .malformedResponse, status: response.status, message: "a redirect without a usable Location",
                request: request.summary)
        }
        return target
    }

    /// Names a transport failure without exposing library internals (see `GitHubError.transport`).
    static func transportError(_ error: any Error, request: String, url: String? = nil) -> GitHubError {
        GitHubError.transport(error, request: request, url: url)
    }
}
