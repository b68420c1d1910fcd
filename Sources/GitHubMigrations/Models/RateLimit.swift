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

    /// Counts a budget may hold. GitHub's largest is 15,000 requests an hour; anything outside this range
    /// (a negative count, `Int64.max`) is not a rate limit, and subtracting one from another could trap.
    static let counts = 0...1_000_000_000
    /// Reset times, in epoch seconds, that a clock and a calendar can show: 1970 to 2100.
    static let resets = 0...4_102_444_800

    /// Decodes the JSON form, whose `reset` is epoch seconds; numbers outside `counts` and `resets` are
    /// a decoding error, so they never reach arithmetic or the screen.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Read as Double: a count too large for Int is then a number out of range, not a bare type error.
        func count(_ value: Double, _ key: CodingKeys) throws -> Int {
            guard value.isFinite, Double(Self.counts.lowerBound)...Double(Self.counts.upperBound) ~= value else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "\(key.stringValue) is out of range")
            }
            return Int(value)
        }
        limit = try count(try c.decode(Double.self, forKey: .limit), .limit)
        remaining = try count(try c.decode(Double.self, forKey: .remaining), .remaining)
        used =
            try c.decodeIfPresent(Double.self, forKey: .used).map { try count($0, .used) } ?? max(0, limit - remaining)
        let reset = try c.decode(Double.self, forKey: .reset)
        guard reset.isFinite, Double(Self.resets.lowerBound)...Double(Self.resets.upperBound) ~= reset else {
            throw DecodingError.dataCorruptedError(forKey: .reset, in: c, debugDescription: "reset is out of range")
        }
        self.reset = Date(timeIntervalSince1970: reset)
        resource = try c.decodeIfPresent(String.self, forKey: .resource) ?? "core"
    }

    /// Encodes the JSON form.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(limit, forKey: .limit)
        try c.encode(remaining, forKey: .remaining)
        try c.encode(used, forKey: .used)
        // A value built in code may hold any date; the nearest whole second in range is what is written.
        let seconds = reset.timeIntervalSince1970.rounded(.down)
        let bounded =
            seconds.isNaN ? 0 : min(max(seconds, Double(Self.resets.lowerBound)), Double(Self.resets.upperBound))
        try c.encode(Int64(bounded), forKey: .reset)
        try c.encode(resource, forKey: .resource)
    }

    /// Reads the `x-ratelimit-*` headers; nil when the response carries none (GHES with limits off) or when
    /// a value is outside `counts` or `resets`: a header set that is not a rate limit is ignored whole.
    init?(headers: ResponseHeaders) {
        guard let limit = headers.int("x-ratelimit-limit", in: Self.counts),
            let remaining = headers.int("x-ratelimit-remaining", in: Self.counts),
            let reset = headers.int("x-ratelimit-reset", in: Self.resets)
        else { return nil }
        let used = headers.int("x-ratelimit-used", in: Self.counts) ?? max(0, limit - remaining)
        self.init(
            limit: limit, remaining: remaining, used: used, reset: Date(timeIntervalSince1970: TimeInterval(reset)),
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
