import Foundation

/// One rate-limit budget as GitHub reports it in `x-ratelimit-*` headers or `GET /rate_limit`.
public struct RateLimit: Codable, Sendable, Hashable {
    /// Requests allowed per window.
    public var limit: Int
    /// Requests left in this window.
    public var remaining: Int
    /// Requests used in this window.
    public var used: Int
    /// When the window resets.
    public var reset: Date
    /// Which budget this is (`core`, `search`, ...).
    public var resource: String

    /// Creates a value.
    public init(limit: Int, remaining: Int, used: Int, reset: Date, resource: String = "core") {
        self.limit = limit
        self.remaining = remaining
        self.used = used
        self.reset = reset
        self.resource = resource
    }

    enum CodingKeys: String, CodingKey {
        case limit, remaining, used, reset, resource
    }

    /// Decodes the JSON form, whose `reset` is epoch seconds.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        limit = try c.decode(Int.self, forKey: .limit)
        remaining = try c.decode(Int.self, forKey: .remaining)
        used = try c.decodeIfPresent(Int.self, forKey: .used) ?? max(0, limit - remaining)
        reset = Date(timeIntervalSince1970: try c.decode(Double.self, forKey: .reset))
        resource = try c.decodeIfPresent(String.self, forKey: .resource) ?? "core"
    }

    /// Encodes the JSON form.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(limit, forKey: .limit)
        try c.encode(remaining, forKey: .remaining)
        try c.encode(used, forKey: .used)
        try c.encode(Int64(reset.timeIntervalSince1970), forKey: .reset)
        try c.encode(resource, forKey: .resource)
    }

    /// Reads the `x-ratelimit-*` headers; nil when the response carries none (GHES with limits off).
    init?(headers: ResponseHeaders) {
        guard let limit = headers.int("x-ratelimit-limit"), let remaining = headers.int("x-ratelimit-remaining"),
            let reset = headers.int("x-ratelimit-reset")
        else { return nil }
        self.init(
            limit: limit, remaining: remaining, used: headers.int("x-ratelimit-used") ?? max(0, limit - remaining),
            reset: Date(timeIntervalSince1970: TimeInterval(reset)),
            resource: headers.first("x-ratelimit-resource") ?? "core")
    }
}

/// The body of `GET /rate_limit`.
struct RateLimitOverview: Decodable {
    struct Resources: Decodable {
        var core: RateLimit?
    }
    var resources: Resources?
    var rate: RateLimit?
}
