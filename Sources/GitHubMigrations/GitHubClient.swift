import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A client for GitHub's Migrations and Source Imports APIs, and the few account calls the dashboard needs.
///
/// It follows GitHub's rules for well-behaved clients: conditional GETs, `Link` pagination,
/// no traffic while the primary limit is spent, waits for secondary limits, writes a second
/// apart, and retries only what is safe to repeat. The token goes only to the API's origin.
/// Call `shutdown()` when done.
public final class GitHubClient: Sendable {
    let configuration: ClientConfiguration
    let http: HTTPClient
    /// Archive downloads' own pool: raw bytes (no decompression), no redirects, and a stall timeout.
    let storage: HTTPClient
    let cache = ConditionalCache()
    let gate = RequestGate()
    /// The waits in progress, which `cancelWaits()` ends.
    let waits = WaitBoard()
    let apiOrigin: Origin?

    /// Creates a client. The HTTP client never follows redirects by itself: this type decides.
    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.redirectConfiguration = .disallow
        httpConfiguration.timeout = .init(connect: .init(configuration.connectTimeout), read: .seconds(30))
        httpConfiguration.decompression = .enabled(limit: .ratio(20))
        // A refused or unreachable host fails the attempt at once; `send`'s own backoff decides what
        // comes next. Left on, the pool would retry the connection silently until the connect timeout
        // (10 s per attempt: a dead API took 45 s to be reported).
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        var storageConfiguration = HTTPClient.Configuration()
        storageConfiguration.redirectConfiguration = .disallow
        storageConfiguration.timeout = .init(connect: .init(configuration.connectTimeout), read: .seconds(30))
        storageConfiguration.decompression = .disabled
        storageConfiguration.connectionPool.retryConnectionEstablishment = false
        storage = HTTPClient(eventLoopGroupProvider: .singleton, configuration: storageConfiguration)
        apiOrigin = Origin(configuration.baseURL)
    }

    /// Closes the connection pool; call once, on every path.
    public func shutdown() async throws {
        try? await storage.shutdown()
        try await http.shutdown()
    }

    /// The most recent rate-limit headers, nil before the first response or on a GHES without limits.
    public func currentRateLimit() async -> RateLimit? { await gate.rateLimit }

    /// What was sent so far: fresh responses, free 304s, retries and failures.
    public func statistics() async -> RequestStatistics { await gate.statistics }

    /// Ends every wait the client is in (a secondary-limit pause, a backoff), so the waiting requests go
    /// out at once: the dashboard's `r`. A request the server refuses again waits again, and says so
    /// through `onPause`. A spent primary limit still stops requests: GitHub penalises sending through it.
    public func cancelWaits() async {
        await gate.endPause()
        waits.cancelAll()
    }

    /// The absolute URL of a request: a `Link` URL as given, else the API root plus path and query.
    func url(for request: APIRequest) throws -> String {
        if request.path.hasPrefix("http://") || request.path.hasPrefix("https://") { return request.path }
        guard var components = URLComponents(string: configuration.baseURL + request.path) else {
            throw GitHubError(kind: .malformedResponse, message: "invalid URL", request: request.summary)
        }
        if !request.query.isEmpty {
            components.queryItems = request.query.map { URLQueryItem(name: $0.0, value: $0.1) }
        }
        guard let url = components.string else {
            throw GitHubError(kind: .malformedResponse, message: "invalid URL", request: request.summary)
        }
        return url
    }

    /// The headers GitHub asks for; `Authorization` only when the URL is on the API's own origin.
    func headers(for url: String, body: Data?, cached: ConditionalCache.Entry?) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "application/vnd.github+json")
        headers.add(name: "X-GitHub-Api-Version", value: ClientConfiguration.apiVersion)
        headers.add(name: "User-Agent", value: configuration.userAgent)
        if let apiOrigin, Origin(url) == apiOrigin {
            headers.add(name: "Authorization", value: "Bearer \(configuration.token)")
        }
        if body != nil { headers.add(name: "Content-Type", value: "application/json; charset=utf-8") }
        if let etag = cached?.etag { headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = cached?.lastModified { headers.add(name: "If-Modified-Since", value: lastModified) }
        return headers
    }

    /// One HTTP exchange, body read whole.
    func transmit(_ method: APIRequest.Method, url: String, headers: HTTPHeaders, body: Data?) async throws
        -> APIResponse
    {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method.rawValue)
        request.headers = headers
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        configuration.logger.debug(
            "request", metadata: ["method": "\(method.rawValue)", "url": "\(url)", "headers": "\(headers.redacted)"])
        // The HTTP library's own deadline ends with the response head, and its read timeout restarts with
        // every byte: a body sent a byte every few seconds kept a poll out for as long as the server liked.
        // The deadline covers the whole exchange instead.
        let limit = configuration.requestTimeout
        let result = try await ExchangeDeadline.run(within: limit) { [http, configuration, request] in
            let response = try await http.execute(request, timeout: ExchangeDeadline.timeAmount(limit))
            let buffer = try await response.body.collect(upTo: configuration.maxBodyBytes)
            return APIResponse(
                status: Int(response.status.code),
                headers: ResponseHeaders(response.headers.map { ($0.name, $0.value) }),
                body: Data(buffer.readableBytesView))
        }
        configuration.logger.debug(
            "response",
            metadata: [
                "status": "\(result.status)", "url": "\(url)",
                "request-id": "\(result.headers.first("x-github-request-id") ?? "-")",
            ])
        return result
    }
}

extension HTTPHeaders {
    /// The headers as text with credentials replaced, for debug logs.
    var redacted: String {
        map { header in
            let secret = ["authorization", "proxy-authorization", "cookie"].contains(header.name.lowercased())
            return "\(header.name): \(secret ? "<redacted>" : header.value)"
        }.joined(separator: ", ")
    }
}
