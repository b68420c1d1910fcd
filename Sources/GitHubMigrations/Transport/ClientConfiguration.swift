import Foundation
import Logging

/// How a `GitHubClient` reaches GitHub and how patient it is.
public struct ClientConfiguration: Sendable {
    /// github.com's API root.
    public static let defaultBaseURL = "https://api.github.com"
    /// The REST API version migdash is written against.
    public static let apiVersion = "2022-11-28"

    /// The API root: `https://api.github.com`, or `https://HOST/api/v3` for Enterprise Server.
    public var baseURL: String
    /// The token; sent only to `baseURL`'s origin (see `Origin`).
    public var token: String
    /// The `User-Agent` GitHub asks every client to send.
    public var userAgent = "migdash/\(MigdashVersion.string)"
    /// Time allowed for one attempt, connect to last byte.
    public var requestTimeout: Duration = .seconds(30)
    /// Time allowed to open a connection.
    public var connectTimeout: Duration = .seconds(10)
    /// Extra attempts for idempotent calls after a connection error, timeout, 502, 503 or 504.
    public var maxRetries = 3
    /// First backoff delay; doubles per retry, with jitter.
    public var retryBaseDelay: Double = 1
    /// Attempts allowed after a secondary rate limit before giving up.
    public var maxSecondaryLimitRetries = 3
    /// Wait after a secondary limit without `Retry-After`, as GitHub asks: at least a minute.
    public var secondaryLimitFallback: Double = 60
    /// Minimum spacing of POST, PATCH, PUT and DELETE calls, as GitHub asks.
    public var writeSpacing: Double = 1
    /// Largest JSON body accepted.
    public var maxBodyBytes = 64 * 1024 * 1024
    /// Longest wait for a secondary rate limit (`Retry-After`, or the doubling fallback), in seconds:
    /// a server asking for more is answered by trying again after this long, not by stopping for years.
    public var maxWait: Double = 15 * 60
    /// Longest stop for a spent primary limit, in seconds: GitHub's window is an hour, so a reset
    /// announced further off is not GitHub's, and the client tries again after an hour instead.
    public var maxRateLimitWait: Double = 60 * 60
    /// Most pages one list may take: a `Link: rel="next"` that never ends fails after this many.
    public var maxPages = 1000
    /// Most items one list may hold, over all its pages.
    public var maxListItems = 100_000
    /// Where debug logs go; off unless the caller passes a logger.
    public var logger = Logger(label: "migdash.api", factory: { _ in SwiftLogNoOpLogHandler() })
    /// The clock; tests pass their own.
    public var now: @Sendable () -> Date = { Date() }
    /// How the client waits; tests record the waits instead of sleeping. Any number is safe: it is
    /// brought within a day (longer than any wait the client decides) before it becomes a `Duration`.
    public var sleep: @Sendable (Double) async throws -> Void = { seconds in
        let bounded = seconds.isNaN ? 0 : min(max(0, seconds), 86_400)
        try await Task.sleep(for: .milliseconds(Int64(bounded * 1000)))
    }

    /// Told when every request must wait for GitHub's secondary rate limit, and until when, so a
    /// dashboard can say why nothing moves.
    public var onPause: @Sendable (Date) -> Void = { _ in }
    /// Called after every request that changes something at GitHub, with how it ended (an audit trail
    /// records these). Called on the client's task; must not block.
    public var onMutation: @Sendable (MutationRecord) -> Void = { _ in }
    /// Creates a configuration for an API root and token. The root is spelled as `APIRoot` spells it
    /// (so the origin the token is scoped to is compared in one spelling); text that is no usable root
    /// is kept as given, and then no request carries the token, since it has no origin to match.
    public init(baseURL: String = defaultBaseURL, token: String) {
        let root = try? APIRoot(parsing: baseURL)
        self.baseURL = root?.url ?? (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL)
        self.token = token
    }

    /// The API root of a host: github.com's own, GHE.com's `https://api.NAME.ghe.com`, or Enterprise
    /// Server's `https://HOST/api/v3`. Case, a scheme, slashes and the trailing dot are dropped first.
    public static func baseURL(forHost host: String) -> String {
        var bare = host.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
            .replacing(/^https?:\/\//, with: "").trimmingCharacters(in: ["/"])
        while bare.hasSuffix(".") { bare.removeLast() }
        if bare == "github.com" || bare == "api.github.com" { return defaultBaseURL }
        if bare.hasPrefix("api.") { return "https://\(bare)" }
        if bare.hasSuffix(".ghe.com") { return "https://api.\(bare)" }
        return "https://\(bare)/api/v3"
    }
}
