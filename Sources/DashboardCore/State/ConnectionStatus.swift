import Foundation

/// Whether the dashboard's data is current, as the status bar says it.
public enum ConnectionStatus: Hashable, Sendable {
    /// Nothing loaded yet.
    case connecting
    /// Every scope answered its latest poll.
    case live
    /// These scopes fail while the others answer: their rows are stale, the rest are current.
    case partial(failing: [String])
    /// Every poll fails; the next try is at `at`. The data on screen is stale.
    case retrying(at: Date)
    /// The API cannot be reached; the data on screen is stale.
    case offline(since: Date)
    /// The primary rate limit is spent until `until`.
    case rateLimited(until: Date)
    /// GitHub refused the token: polling stopped until the user presses `r`.
    case unauthorized(String)

    /// True while the primary rate limit is spent.
    public var isRateLimited: Bool {
        if case .rateLimited = self { return true }
        return false
    }

    /// True when everything on screen may be out of date.
    public var isStale: Bool {
        switch self {
        case .live, .connecting, .partial: false
        default: true
        }
    }
}
