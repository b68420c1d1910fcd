import Foundation

/// When to poll next: often while something moves, rarely when all is finished, backing off on errors.
public struct PollSchedule: Sendable, Equatable {
    /// Seconds between polls while a migration or import is in progress.
    public static let activeInterval: Double = 3
    /// Seconds between polls when everything is finished.
    public static let idleInterval: Double = 45
    /// The longest wait after repeated errors.
    public static let maxBackoff: Double = 120

    /// When the next poll is due; nil means now.
    public var nextAt: Date?
    /// Polls that failed in a row.
    public var failures = 0
    /// Loads still in flight from the current poll.
    public var inFlight = 0
    /// True when a load of the current round failed.
    public var roundFailed = false

    /// Creates a schedule that polls at once.
    public init() {}

    /// True when a poll should start at `now`.
    public func isDue(at now: Date) -> Bool {
        inFlight == 0 && (nextAt.map { now >= $0 } ?? true)
    }

    /// The wait after a poll: short while active, long when idle, growing after failures.
    public static func interval(active: Bool, failures: Int) -> Double {
        guard failures > 0 else { return active ? activeInterval : idleInterval }
        return min(maxBackoff, 5 * pow(2, Double(failures - 1)))
    }
}
