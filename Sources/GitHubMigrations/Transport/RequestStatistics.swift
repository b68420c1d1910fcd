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

    /// Creates zeroed counters.
    public init() {}
}
