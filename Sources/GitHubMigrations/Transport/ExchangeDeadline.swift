import NIOCore

/// An exchange (head and body) that did not finish within its deadline.
struct ExchangeDeadlineExceeded: Error, Sendable {
    /// The deadline it missed.
    let limit: Duration
}

/// A deadline over a whole exchange, measured on the system's monotonic clock (not the client's
/// injectable one: tests replace that with a virtual clock, and a deadline must pass in real time).
enum ExchangeDeadline {
    /// Runs `operation`, cancelling it and throwing `ExchangeDeadlineExceeded` once `limit` has passed.
    static func run<T: Sendable>(within limit: Duration, _ operation: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw ExchangeDeadlineExceeded(limit: limit)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }

    /// `duration` for the HTTP library, saturated rather than multiplied past `Int64`.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return .zero }
        guard seconds < Int64.max / 1_000_000_000 else { return .nanoseconds(.max) }
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
