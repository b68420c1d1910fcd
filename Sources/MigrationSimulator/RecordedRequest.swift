/// One request a listener answered, kept so tests can assert what a client sent.
public struct RecordedRequest: Sendable, Equatable, Codable {
    /// The listener that received the request.
    public let listener: Listener
    /// The HTTP method, such as `GET`.
    public let method: String
    /// The request target: path and query, as sent.
    public let path: String
    /// Request headers with lowercased names; the `authorization` value reads `<redacted>`.
    public let headers: [String: String]
    /// The status code the simulator answered with.
    public let status: Int
    /// When the request arrived, in seconds since 1970 by the wall clock (not the simulated clock, which
    /// tests move), so a test can measure how far apart a client spaced its writes.
    public let receivedAt: Double

    /// A record; the caller is responsible for redacting credentials.
    public init(
        listener: Listener, method: String, path: String, headers: [String: String], status: Int,
        receivedAt: Double = 0
    ) {
        self.listener = listener
        self.method = method
        self.path = path
        self.headers = headers
        self.status = status
        self.receivedAt = receivedAt
    }

    /// The value of a header, looked up case-insensitively.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }
}

extension RecordedRequest {
    /// Whether the request carried an `Authorization` header (its value is never kept).
    public var hasAuthorization: Bool {
        headers["authorization"] != nil
    }
}
