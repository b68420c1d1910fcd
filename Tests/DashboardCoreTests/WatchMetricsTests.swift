import DashboardCore
import Foundation
import GitHubMigrations
import Testing

/// What `migdash watch --metrics-listen` serves, read off a known state.
@Suite("Watch metrics")
struct WatchMetricsTests {
    let org = StateFixture.org

    private func family(_ name: String, _ families: [MetricFamily]) throws -> MetricFamily {
        try #require(families.first { $0.name == name }, "\(name) is served")
    }

    private func value(_ family: MetricFamily, _ labels: [String: String]) -> Double? {
        family.samples.first { sample in labels.allSatisfy { label in sample.labels.contains { $0 == label } } }?.value
    }

    @Test("Migrations by scope and state, every documented state present, zeros included")
    func migrationsByState() throws {
        let families = WatchMetrics().families(StateFixture.populated())
        let migrations = try family("migdash_migrations", families)
        #expect(migrations.kind == .gauge)
        #expect(value(migrations, ["organization": "octo-org", "state": "exported"]) == 2)
        #expect(value(migrations, ["organization": "octo-org", "state": "exporting"]) == 1)
        #expect(value(migrations, ["organization": "octo-org", "state": "failed"]) == 1)
        #expect(value(migrations, ["organization": "octo-org", "state": "pending"]) == 0)
        #expect(value(migrations, ["scope": "user", "state": "exported"]) == 1)
        #expect(migrations.samples.count == 8)
    }

    @Test("Seconds until each unsaved archive expires; a saved one has no series")
    func archiveExpiry() throws {
        var state = StateFixture.populated()
        var expiry = try family("migdash_archive_expiry_seconds", WatchMetrics().families(state))
        // 1038: exported 89,000 s ago; 1035: 590,000 s ago; 1041 (yours): 1,300 s ago.
        #expect(value(expiry, ["id": "1038"]) == Double(604_800 - 89_000))
        #expect(value(expiry, ["id": "1035"]) == Double(604_800 - 590_000))
        #expect(value(expiry, ["id": "1041", "scope": "user"]) == Double(604_800 - 1_300))
        _ = Reducer.reduce(&state, .archivesFound([MigrationKey(scope: org, id: 1038): "/b/1038.tar.gz"]))
        expiry = try family("migdash_archive_expiry_seconds", WatchMetrics().families(state))
        #expect(value(expiry, ["id": "1038"]) == nil)
        #expect(expiry.samples.count == 2)
    }

    @Test("Locked repositories count those of locking migrations, less those unlocked")
    func lockedRepositories() throws {
        var state = StateFixture.populated()
        var locked = try family("migdash_locked_repositories", WatchMetrics().families(state))
        // octo-org: 2 + 3 + 1 + 1 repositories, all locking; yours: one migration that did not lock.
        #expect(value(locked, ["organization": "octo-org"]) == 7)
        #expect(value(locked, ["scope": "user"]) == 0)
        state.unlocked[MigrationKey(scope: org, id: 1038)] = ["a", "b"]
        locked = try family("migdash_locked_repositories", WatchMetrics().families(state))
        #expect(value(locked, ["organization": "octo-org"]) == 5)
    }

    @Test("Rate limit, poll times and up are read off the state; download counters count events")
    func readings() throws {
        var state = StateFixture.populated()
        let reset = StateFixture.now.addingTimeInterval(600)
        _ = Reducer.reduce(
            &state, .rateLimitUpdated(RateLimit(limit: 5_000, remaining: 4_321, used: 679, reset: reset)))
        var metrics = WatchMetrics()
        var done = WatchEvent(.downloadDone, at: StateFixture.now)
        done.id = 1038
        metrics.count([done, done, WatchEvent(.downloadFailed, at: StateFixture.now)])
        let families = metrics.families(state)
        #expect(try family("migdash_rate_limit_remaining", families).samples == [.value(4_321)])
        #expect(
            try family("migdash_rate_limit_reset_timestamp_seconds", families).samples == [
                .value(reset.timeIntervalSince1970)
            ])
        #expect(try family("migdash_up", families).samples == [.value(1)])
        let polled = try family("migdash_last_successful_poll_timestamp_seconds", families)
        #expect(polled.samples == [.value(StateFixture.now.timeIntervalSince1970)])
        let downloads = try family("migdash_downloads_total", families)
        #expect(downloads.kind == .counter)
        #expect(value(downloads, ["outcome": "done"]) == 2 && value(downloads, ["outcome": "failed"]) == 1)
    }

    @Test("Responses by status from the client's counters, an absurd status counted as 0")
    func responses() throws {
        var requests = RequestStatistics()
        requests.countResponse(200)
        requests.countResponse(304)
        requests.countResponse(304)
        requests.countResponse(9_999)
        requests.notModified = 2
        let families = WatchMetrics.requestFamilies(requests)
        let responses = try family("migdash_http_responses_total", families)
        #expect(value(responses, ["status": "304"]) == 2 && value(responses, ["status": "0"]) == 1)
        #expect(try family("migdash_http_not_modified_total", families).samples == [.value(2)])
        #expect(families.allSatisfy { $0.kind == .counter && $0.name.hasSuffix("_total") })
    }
}
