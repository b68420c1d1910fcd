import Foundation
import Synchronization

/// One reading of a primary rate-limit budget, as the `x-ratelimit-*` headers report it.
struct RateLimitSnapshot: Sendable, Equatable {
    let limit: Int
    let remaining: Int
    let used: Int
    /// UTC epoch seconds when the window starts over.
    let reset: Int
    let resource: String

    /// The five `x-ratelimit-*` headers.
    var headers: [(String, String)] {
        [
            ("x-ratelimit-limit", String(limit)),
            ("x-ratelimit-remaining", String(remaining)),
            ("x-ratelimit-reset", String(reset)),
            ("x-ratelimit-resource", resource),
            ("x-ratelimit-used", String(used)),
        ]
    }
}

/// Hourly primary budgets, one per token, counted in simulated time.
final class RateLimiter: Sendable {
    private struct Window {
        var start: Date
        var used: Int
    }

    /// The budget GitHub gives unauthenticated callers, spent by 401 answers.
    static let anonymousLimit = 60
    private let limit: Int
    private let windows = Mutex<[String: Window]>([:])

    /// A limiter granting `limit` requests per token per hour.
    init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// The budget for `key` without spending any of it.
    func peek(_ key: String?, now: Date) -> RateLimitSnapshot {
        update(key, now: now, spend: false)
    }

    /// Spends one request from the budget for `key` and reports what is left.
    func spend(_ key: String?, now: Date) -> RateLimitSnapshot {
        update(key, now: now, spend: true)
    }

    private func update(_ key: String?, now: Date, spend: Bool) -> RateLimitSnapshot {
        let limit = key == nil ? Self.anonymousLimit : self.limit
        return windows.withLock { windows in
            let name = key ?? ""
            var window = windows[name] ?? Window(start: now, used: 0)
            if now.timeIntervalSince(window.start) >= 3600 { window = Window(start: now, used: 0) }
            if spend { window.used = min(limit, window.used + 1) }
            windows[name] = window
            return RateLimitSnapshot(
                limit: limit,
                remaining: max(0, limit - window.used),
                used: window.used,
                reset: Int(window.start.timeIntervalSince1970.rounded(.down)) + 3600,
                resource: "core"
            )
        }
    }
}
