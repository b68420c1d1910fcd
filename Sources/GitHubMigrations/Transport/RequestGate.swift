import Foundation

/// The client's shared traffic rules: the rate-limit state, the primary-limit stop,
/// secondary-limit pauses and the one-second spacing of writes.
actor RequestGate {
    private(set) var rateLimit: RateLimit?
    private(set) var statistics = RequestStatistics()
    private var primaryBlockedUntil: Date?
    private var pausedUntil: Date?
    private var lastWrite: Date?

    /// Records the rate-limit headers of any response.
    func observe(_ headers: ResponseHeaders) {
        if let value = RateLimit(headers: headers) { rateLimit = value }
    }

    /// Stops all traffic until the primary window resets.
    func blockPrimary(until date: Date) { primaryBlockedUntil = date }

    /// Pauses all traffic until a secondary limit lifts.
    func pause(until date: Date) { pausedUntil = max(pausedUntil ?? date, date) }

    /// Lifts a secondary-limit pause at once (the user asked to try again).
    func endPause() { pausedUntil = nil }

    /// The primary-limit stop still in force at `now`, if any.
    func primaryBlock(at now: Date) -> Date? {
        guard let until = primaryBlockedUntil, until > now else { return nil }
        return until
    }

    /// How long to wait before sending at `now`: a secondary pause, and write spacing for writes.
    /// Reserves the write slot so concurrent writes queue one second apart.
    func delayBeforeSending(isWrite: Bool, now: Date, writeSpacing: Double) -> Double {
        var start = max(now, pausedUntil ?? now)
        if isWrite {
            if let lastWrite { start = max(start, lastWrite.addingTimeInterval(writeSpacing)) }
            lastWrite = start
        }
        return start.timeIntervalSince(now)
    }

    /// Updates the counters.
    func count(_ update: (inout RequestStatistics) -> Void) { update(&statistics) }
}
