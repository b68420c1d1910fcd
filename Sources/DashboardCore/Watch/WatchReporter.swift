import Foundation
import GitHubMigrations

/// Turns what the reducer saw into `migdash watch`'s events. Pure: the state and the time come in. Cost
/// follows what changed: the reducer's change feed, the connection and the rate limit, and a look at the
/// exported archives at most once a minute for those about to expire.
public struct WatchReporter: Sendable {
    /// An undownloaded archive is reported once when it has less than this left.
    public static let expiryWarning: TimeInterval = 24 * 3600
    /// The rate limit is reported low when less than this share of it is left (once per reset).
    public static let lowRateShare = 0.1
    /// How long GitHub keeps an archive.
    public static let archiveLifetime: TimeInterval = 7 * 24 * 3600

    private var ready = false
    private var connectionLost = false
    private var lowRateReset: Date?
    private var expiringReported: Set<MigrationKey> = []
    private var expiredReported: Set<MigrationKey> = []
    private var lastExpiryLook: Date?
    private var startedAt: Date?

    /// A reporter that has reported nothing yet.
    public init() {}

    /// The events since the last call, from the changes taken off the state's feed since then (the caller
    /// takes them, so that a journal can record the same changes).
    public mutating func events(_ state: DashboardState, changes: [ObservedChange]) -> [WatchEvent] {
        let now = state.now
        if startedAt == nil { startedAt = now }
        var events: [WatchEvent] = []
        if !ready, Reducer.everyScopeAnswered(state) {
            ready = true
            var event = WatchEvent(.ready, at: now)
            event.migrations = state.migrations.count
            events.append(event)
        }
        events += changes.compactMap { Self.event(for: $0) }
        events += connectionEvents(state)
        events += rateEvents(state)
        // Until every list is in, a look at the archives would see only part of them and then wait a minute.
        if ready { events += expiryEvents(state) }
        return events
    }

    /// The event for one change the reducer saw; a migration already there at its first reading is not news.
    static func event(for change: ObservedChange) -> WatchEvent? {
        switch change {
        case .migrationAppeared(let key, let migration, let alreadyThere, let time):
            guard !alreadyThere else { return nil }
            var event = WatchEvent(.migrationNew, key, at: time)
            event.state = migration.state.rawValue
            event.repositories = migration.repositories.map(\.fullName)
            return event
        case .migrationChanged(let key, let from, let migration, let time):
            var event = WatchEvent(.migrationState, key, at: time)
            event.from = from.rawValue
            event.state = migration.state.rawValue
            return event
        case .migrationGone(let key, let time):
            return WatchEvent(.migrationGone, key, at: time)
        case .importChanged(let repo, let from, let progress, let time):
            // An import's first reading is what was there already, as for migrations.
            guard from != nil else { return nil }
            var event = WatchEvent(.importState, at: time)
            event.repository = repo.description
            event.from = from?.rawValue
            event.state = progress.status.rawValue
            if progress.status.needsAttention { event.reason = progress.errorMessage ?? progress.statusText }
            return event
        case .importGone(let repo, let time):
            var event = WatchEvent(.importGone, at: time)
            event.repository = repo.description
            return event
        case .downloadFinished(let key, let path, let time):
            var event = WatchEvent(.downloadDone, key, at: time)
            event.path = path
            return event
        case .problem:
            // The connection's events come from the state itself (connectionEvents).
            return nil
        case .downloadFailed(let key, let reason, let time):
            var event = WatchEvent(.downloadFailed, key, at: time)
            event.reason = reason
            return event
        }
    }

    /// `connection_lost` when the data goes stale, `connection_restored` when it is current again.
    private mutating func connectionEvents(_ state: DashboardState) -> [WatchEvent] {
        let lost = state.connection.isStale
        guard lost != connectionLost else { return [] }
        connectionLost = lost
        var event = WatchEvent(lost ? .connectionLost : .connectionRestored, at: state.now)
        if lost { event.reason = Self.reason(state.connection, problem: state.pollProblem) }
        return [event]
    }

    /// Why the data is stale, in a few words.
    static func reason(_ connection: ConnectionStatus, problem: String?) -> String {
        switch connection {
        case .offline: problem ?? "GitHub cannot be reached"
        case .retrying: problem ?? "polls fail; retrying"
        case .rateLimited: "the primary rate limit is spent"
        case .unauthorized(let message): message
        case .live, .connecting, .partial: problem ?? "stale"
        }
    }

    /// `rate_limit_low` once per reset window, when less than a tenth of the limit is left.
    private mutating func rateEvents(_ state: DashboardState) -> [WatchEvent] {
        guard let rate = state.rateLimit, rate.limit > 0,
            Double(rate.remaining) < Double(rate.limit) * Self.lowRateShare, lowRateReset != rate.reset
        else { return [] }
        lowRateReset = rate.reset
        var event = WatchEvent(.rateLimitLow, at: state.now)
        event.remaining = rate.remaining
        event.limit = rate.limit
        event.resetAt = WatchEvent.rfc3339(rate.reset)
        return [event]
    }

    /// Archives not saved here with less than a day left (`archive_expiring`), and those whose seven days
    /// ran out (`archive_deleted`: GitHub deletes them then). Looked at once every list is in (with the
    /// `ready` event), then once a minute at most.
    private mutating func expiryEvents(_ state: DashboardState) -> [WatchEvent] {
        let now = state.now
        if let last = lastExpiryLook, now.timeIntervalSince(last) < 60, now >= last { return [] }
        lastExpiryLook = now
        var events: [WatchEvent] = []
        for (key, exported) in state.exportedAt where state.migrations[key]?.state == .exported {
            let expires = exported.addingTimeInterval(Self.archiveLifetime)
            if expires <= now {
                // Expired before this run began: old news, not an event.
                guard expires > startedAt ?? now, expiredReported.insert(key).inserted else { continue }
                var event = WatchEvent(.archiveDeleted, key, at: now)
                event.expiresAt = WatchEvent.rfc3339(expires)
                event.reason = "expired: GitHub keeps an archive seven days"
                events.append(event)
            } else if expires.timeIntervalSince(now) < Self.expiryWarning, state.downloaded[key] == nil,
                !state.archivesDeleted.contains(key), expiringReported.insert(key).inserted
            {
                var event = WatchEvent(.archiveExpiring, key, at: now)
                event.expiresAt = WatchEvent.rfc3339(expires)
                events.append(event)
            }
        }
        // Ids in a stable order, so the same state gives the same lines.
        return events.sorted { ($0.id ?? 0) < ($1.id ?? 0) }
    }
}
