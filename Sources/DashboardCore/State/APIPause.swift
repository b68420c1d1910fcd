import Foundation

/// A wait the API client is in for every request, such as GitHub's secondary rate limit: what is
/// waited for and until when, so the status bar can say it instead of looking live.
public struct APIPause: Sendable, Equatable {
    /// What the wait is for, e.g. `GitHub's secondary rate limit`.
    public var reason: String
    /// When requests go out again.
    public var until: Date

    /// Creates a pause.
    public init(reason: String, until: Date) {
        self.reason = reason
        self.until = until
    }
}
