import Foundation

/// The waits a server may ask for, brought into range before anything sleeps, schedules or formats them.
///
/// `Retry-After: 1000000000` once paused every request for 31 years, and a larger one, multiplied into
/// milliseconds, stopped the process with a runtime trap; an `x-ratelimit-reset` of `Int64.max` did the
/// same in the dashboard's clock arithmetic. Whatever the headers say, a secondary-limit wait is at most
/// `maxWait` and a primary-limit stop ends within `maxRateLimitWait`.
struct ServerWaits: Sendable {
    /// Longest secondary-limit wait, in seconds.
    var maxWait: Double
    /// Longest primary-limit stop, in seconds.
    var maxRateLimitWait: Double
    /// Stop after a spent primary limit whose reset cannot be used (absent, unreadable, already past).
    static let unknownResetWait: Double = 60

    /// The limits a configuration sets.
    init(_ configuration: ClientConfiguration) {
        self.init(maxWait: configuration.maxWait, maxRateLimitWait: configuration.maxRateLimitWait)
    }

    /// Explicit limits; the defaults are `ClientConfiguration`'s.
    init(maxWait: Double = 15 * 60, maxRateLimitWait: Double = 60 * 60) {
        self.maxWait = max(0, maxWait)
        self.maxRateLimitWait = max(1, maxRateLimitWait)
    }

    /// `Retry-After` in seconds, capped at `maxWait`; nil when absent or not a count of seconds.
    func retryAfter(_ headers: ResponseHeaders) -> Double? {
        headers.digits("retry-after").map(capped)
    }

    /// `seconds` within `0...maxWait`.
    func capped(_ seconds: Double) -> Double {
        seconds.isNaN ? maxWait : min(max(0, seconds), maxWait)
    }

    /// When a spent primary limit lifts: `x-ratelimit-reset` when it lies ahead within `maxRateLimitWait`,
    /// `maxRateLimitWait` from now when it lies further, a minute from now when it is unusable.
    func primaryReset(_ headers: ResponseHeaders, now: Date) -> Date {
        guard let reset = headers.digits("x-ratelimit-reset") else {
            return now.addingTimeInterval(Self.unknownResetWait)
        }
        let wait = reset - now.timeIntervalSince1970
        guard wait > 0 else { return now.addingTimeInterval(Self.unknownResetWait) }
        return now.addingTimeInterval(min(wait, maxRateLimitWait))
    }
}
