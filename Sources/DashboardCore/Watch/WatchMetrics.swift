import Foundation
import GitHubMigrations

/// What `migdash watch --metrics-listen` serves at `/metrics`, computed from the state when scraped
/// (pure: the state, the client's counters and the watch's own tallies come in). docs/cli.md documents
/// each family; names follow Prometheus's conventions (`migdash_` prefix, seconds and bytes, `_total`
/// counters).
public struct WatchMetrics: Sendable {
    /// Downloads finished and failed since the watch started.
    public var downloadsDone = 0
    public var downloadsFailed = 0

    /// No downloads yet.
    public init() {}

    /// Counts the downloads among `events`.
    public mutating func count(_ events: [WatchEvent]) {
        for event in events {
            if event.event == .downloadDone { downloadsDone &+= 1 }
            if event.event == .downloadFailed { downloadsFailed &+= 1 }
        }
    }

    /// The families read off the state, in a fixed order.
    public func families(_ state: DashboardState) -> [MetricFamily] {
        migrationFamilies(state) + archiveFamilies(state) + rateFamilies(state) + downloadFamilies(state)
            + pollFamilies(state)
    }

    /// The families of the client's own counters: responses by status, 304s, transport failures.
    public static func requestFamilies(_ requests: RequestStatistics) -> [MetricFamily] {
        let statuses = requests.responses.keys.sorted().map {
            MetricFamily.Sample([("status", String($0))], Double(requests.responses[$0] ?? 0))
        }
        return [
            MetricFamily("migdash_http_responses_total", .counter, "Responses from GitHub by HTTP status.", statuses),
            MetricFamily(
                "migdash_http_not_modified_total", .counter,
                "Conditional requests answered 304 Not Modified (free against the rate limit).",
                [.value(Double(requests.notModified))]),
            MetricFamily(
                "migdash_http_transport_failures_total", .counter,
                "Requests that got no response: refused, cut, timed out, TLS.",
                [.value(Double(requests.transportFailures))]),
        ]
    }

    /// The labels of a scope: `scope` (`organization` or `user`) and `organization` (empty for the user).
    static func labels(_ scope: MigrationScope) -> [(String, String)] {
        switch scope {
        case .user: [("scope", "user"), ("organization", "")]
        case .organization(let login): [("scope", "organization"), ("organization", login)]
        }
    }

    private func migrationFamilies(_ state: DashboardState) -> [MetricFamily] {
        var counts: [MigrationScope: [MigrationState: Int]] = [:]
        var locked: [MigrationScope: Int] = [:]
        for (key, migration) in state.migrations {
            counts[key.scope, default: [:]][migration.state, default: 0] += 1
            if migration.lockRepositories {
                let unlocked = state.unlocked[key] ?? []
                locked[key.scope, default: 0] += migration.repositories.count { !unlocked.contains($0.name) }
            }
        }
        var byState: [MetricFamily.Sample] = []
        var lockedSamples: [MetricFamily.Sample] = []
        for scope in state.watchedScopes {
            // Every documented state has a sample, zero included, so `== 0` alerts work.
            let known: [MigrationState] = [.pending, .exporting, .exported, .failed]
            let seen = counts[scope] ?? [:]
            for migrationState in known
                + seen.keys.filter({ !known.contains($0) }).sorted(by: { $0.rawValue < $1.rawValue })
            {
                let value = Double(seen[migrationState] ?? 0)
                byState.append(.init(Self.labels(scope) + [("state", migrationState.rawValue)], value))
            }
            lockedSamples.append(.init(Self.labels(scope), Double(locked[scope] ?? 0)))
        }
        return [
            MetricFamily("migdash_migrations", .gauge, "Migrations in the watched scopes, by state.", byState),
            MetricFamily(
                "migdash_locked_repositories", .gauge,
                "Repositories of migrations started with lock_repositories, less those unlocked here.",
                lockedSamples),
        ]
    }

    private func archiveFamilies(_ state: DashboardState) -> [MetricFamily] {
        var samples: [MetricFamily.Sample] = []
        let keys = state.exportedAt.keys.filter {
            state.migrations[$0]?.state == .exported && state.downloaded[$0] == nil
                && !state.archivesDeleted.contains($0)
        }
        for key in keys.sorted(by: { $0.id < $1.id }) {
            let expires = state.exportedAt[key]!.addingTimeInterval(WatchReporter.archiveLifetime)
            let left = expires.timeIntervalSince(state.now)
            guard left > 0 else { continue }
            samples.append(.init(Self.labels(key.scope) + [("id", String(key.id))], left.rounded()))
        }
        return [
            MetricFamily(
                "migdash_archive_expiry_seconds", .gauge,
                "Seconds until each exported archive not yet downloaded expires (seven days after export).",
                samples)
        ]
    }

    private func rateFamilies(_ state: DashboardState) -> [MetricFamily] {
        var families: [MetricFamily] = []
        if let rate = state.rateLimit {
            families += [
                MetricFamily(
                    "migdash_rate_limit_remaining", .gauge, "Requests left in the primary rate limit's window.",
                    [.value(Double(rate.remaining))]),
                MetricFamily(
                    "migdash_rate_limit_limit", .gauge, "Requests the primary rate limit allows per window.",
                    [.value(Double(rate.limit))]),
                MetricFamily(
                    "migdash_rate_limit_reset_timestamp_seconds", .gauge,
                    "When the primary rate limit's window resets, in Unix seconds.",
                    [.value(rate.reset.timeIntervalSince1970.rounded())]),
            ]
        }
        return families
    }

    private func downloadFamilies(_ state: DashboardState) -> [MetricFamily] {
        let received = state.downloads.values.reduce(Int64(0)) { $0.addingReportingOverflow($1.received).partialValue }
        return [
            MetricFamily(
                "migdash_downloads_in_progress", .gauge, "Archive downloads running now.",
                [.value(Double(state.downloads.count))]),
            MetricFamily(
                "migdash_downloads_queued", .gauge, "Archive downloads waiting for a free slot.",
                [.value(Double(state.downloadQueue.count))]),
            MetricFamily(
                "migdash_download_received_bytes", .gauge, "Bytes received so far by the downloads running now.",
                [.value(Double(max(received, 0)))]),
            MetricFamily(
                "migdash_downloads_total", .counter, "Archive downloads finished since the watch started, by outcome.",
                [
                    .init([("outcome", "done")], Double(downloadsDone)),
                    .init([("outcome", "failed")], Double(downloadsFailed)),
                ]),
        ]
    }

    private func pollFamilies(_ state: DashboardState) -> [MetricFamily] {
        var last: [MetricFamily.Sample] = []
        var newest: Date?
        for scope in state.watchedScopes {
            guard let success = state.poll.entry(.front(scope))?.lastSuccess else { continue }
            last.append(.init(Self.labels(scope), success.timeIntervalSince1970.rounded()))
            newest = max(newest ?? success, success)
        }
        var families = [
            MetricFamily(
                "migdash_scope_last_success_timestamp_seconds", .gauge,
                "When each watched scope's list last answered, in Unix seconds.", last),
            MetricFamily(
                "migdash_up", .gauge, "1 while the data is current (every poll answers), 0 while it is stale.",
                [.value(state.connection.isStale || state.user == nil ? 0 : 1)]),
        ]
        if let newest {
            families.insert(
                MetricFamily(
                    "migdash_last_successful_poll_timestamp_seconds", .gauge,
                    "When a watched list last answered, in Unix seconds.",
                    [.value(newest.timeIntervalSince1970.rounded())]),
                at: 0)
        }
        return families
    }
}
