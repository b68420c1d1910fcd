/// Counts of what the client sent and got, so the dashboard can show that unchanged polls are free.
public struct RequestStatistics: Sendable, Hashable {
    /// Responses with a fresh body (2xx other than from cache).
    public var fresh = 0
    /// 304s answered from the cache: these cost no rate limit.
    public var notModified = 0
    /// Attempts repeated after a transient failure or a secondary limit.
    public var retries = 0
    /// Calls that ended in an error.
    public var failures = 0
    /// Every response GitHub sent, by HTTP status (retried ones and 304s included; a status outside
    /// 100-599 counts as 0). At most 501 keys, so a hostile server cannot grow it.
    public var responses: [Int: Int] = [:]
    /// Attempts that got no response: refused, cut, timed out, TLS.
    public var transportFailures = 0

    /// Counts one response with `status`.
    public mutating func countResponse(_ status: Int) {
        let key = (100...599).contains(status) ? status : 0
        responses[key, default: 0] = responses[key, default: 0] &+ 1
    }

    /// Creates zeroed counters.
    public init() {}
}
