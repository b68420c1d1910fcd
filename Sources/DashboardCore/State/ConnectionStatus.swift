import Foundation

/// Whether the dashboard's data is current, as the status bar says it.
public enum ConnectionStatus: Hashable, Sendable {
    /// Nothing loaded yet.
    case connecting
    /// The last poll succeeded.
    case live
    /// The last poll failed; the next try is at `at`. The data on screen is stale.
    case retrying(at: Date)
    /// The API cannot be reached; the data on screen is stale.
    case offline(since: Date)
    /// The primary rate limit is spent until `until`.
    case rateLimited(until: Date)

    /// True when what is on screen may be out of date.
    public var isStale: Bool {
        switch self {
        case .live, .connecting: false
        default: true
        }
    }
}
