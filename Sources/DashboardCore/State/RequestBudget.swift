import Foundation

/// The requests sent to GitHub in the last minute, against the number the user allows a minute.
///
/// GitHub's secondary limit (900 points a minute for REST) is shared by every tool using the token (the
/// importer, scripts), so the dashboard holds itself to a budget: steady polling is planned to fit it,
/// and a poll that would pass it waits. What the user asks for (a download, a deletion) is never held
/// back, but counts. The first reading of each list is counted and shown but not held back: it happens
/// once, and a dashboard of 10,000 migrations would otherwise take minutes to fill.
public struct RequestBudget: Sendable, Equatable {
    /// One request (or a few, for a call that sends several) sent at a time.
    struct Sent: Sendable, Equatable {
        var at: Date
        var cost: Int
        /// False for a first reading, which the budget does not hold back.
        var holds: Bool
    }

    /// The default number of requests a minute.
    public static let defaultPerMinute = 60
    /// The range a configured budget must be in.
    public static let allowed = 10...5_000
    /// The window the budget counts over.
    public static let window: TimeInterval = 60

    /// Requests allowed a minute.
    public var perMinute: Int
    private var sent: [Sent] = []

    /// A budget of `perMinute` requests a minute (brought into `allowed`).
    public init(perMinute: Int = RequestBudget.defaultPerMinute) {
        self.perMinute = min(max(perMinute, Self.allowed.lowerBound), Self.allowed.upperBound)
    }

    /// The share of the budget polling plans for; the rest is room for what the user asks.
    public var pollingShare: Double {
        Double(perMinute) - max(5, Double(perMinute) / 6)
    }

    /// Notes `cost` requests sent at `time`.
    public mutating func record(_ cost: Int, at time: Date, holds: Bool = true) {
        guard cost > 0 else { return }
        forget(before: time)
        sent.append(Sent(at: time, cost: cost, holds: holds))
    }

    /// Requests sent in the minute up to `now`: what the status bar shows.
    public func used(at now: Date) -> Int {
        sent.reduce(0) { $0 + ($1.at > now.addingTimeInterval(-Self.window) ? $1.cost : 0) }
    }

    /// True when `cost` more requests at `now` stay within the budget (first readings aside).
    public func allows(_ cost: Int, at now: Date) -> Bool {
        held(at: now) + cost <= perMinute
    }

    /// When a request of `cost` fits again, if it does not now: when enough of the minute's requests age out.
    public func nextRoom(for cost: Int, at now: Date) -> Date? {
        var excess = held(at: now) + cost - perMinute
        guard excess > 0 else { return nil }
        for entry in sent where entry.holds && entry.at > now.addingTimeInterval(-Self.window) {
            excess -= entry.cost
            if excess <= 0 { return entry.at.addingTimeInterval(Self.window) }
        }
        return now.addingTimeInterval(Self.window)
    }

    /// Requests in the window that the budget holds back against.
    private func held(at now: Date) -> Int {
        sent.reduce(0) { $0 + ($1.holds && $1.at > now.addingTimeInterval(-Self.window) ? $1.cost : 0) }
    }

    /// Drops what left the window, so the record stays as long as a minute's requests.
    private mutating func forget(before time: Date) {
        let start = time.addingTimeInterval(-Self.window)
        if let first = sent.firstIndex(where: { $0.at > start }) {
            if first > 0 { sent.removeFirst(first) }
        } else {
            sent.removeAll()
        }
    }
}
