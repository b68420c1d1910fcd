import Foundation
import TestSupport
import Testing

/// The poll planner against the real binary: an enterprise-sized world, a migration started by another
/// client in another organization, and the requests counted where GitHub would count them.
///
/// A suite of its own, not under `EndToEndTests`: discovery reads each quiet scope every 30 s, so this
/// test needs more than that suite's minute.
@Suite("Polling at scale: the real binary against 1,000 migrations in 5 organizations", .timeLimit(.minutes(3)))
struct PollBudgetTests {
    @Test("a migration started elsewhere appears and finishes on screen while the budget of 60 a minute holds")
    func startedElsewhere() async throws {
        let dashboard = try await DashboardHarness(
            simulatorArguments: ["--export-seconds", "600", "--orgs", "5", "--migrations", "1000"])
        // The whole list first (the seeded 11 and the 1,000), read page by page.
        _ = try await dashboard.tmux.waitFor("the whole list", timeout: .seconds(60)) { screen in
            guard let count = Self.listed(screen) else { return false }
            return count >= 1_011 && Screen.header(screen).contains("updated")
        }
        let loaded = try await dashboard.simulator.requests().count
        let started = ContinuousClock.now

        let repos = try await dashboard.simulator.api("GET", "/orgs/octo-org-3/repos")
        let names = try JSONSerialization.jsonObject(with: repos.body) as? [[String: Any]] ?? []
        let repository = try #require(names.first?["name"] as? String)
        let id = try await dashboard.simulator.startMigration(org: "octo-org-3", repositories: [repository])
        // Discovery reads page 1 of each quiet scope every 30 s: the new row within a minute.
        _ = try await dashboard.tmux.waitFor("migration \(id) on screen", timeout: .seconds(75)) {
            Screen.migrationRow(id, in: $0) != nil
        }
        try await dashboard.simulator.advance(seconds: 600)
        // Now moving, its page 1 is read every few seconds: exported shows within ten.
        _ = try await dashboard.tmux.waitFor("migration \(id) exported", timeout: .seconds(20)) {
            Screen.migrationRow(id, in: $0)?.contains("exported") == true
        }

        let elapsed = (ContinuousClock.now - started) / .seconds(60)
        let sent = try await dashboard.simulator.requests().count - loaded
        let allowed = 60 * Int(elapsed.rounded(.up))
        #expect(sent <= allowed, "\(sent) requests in \(elapsed * 60) s, budget 60 a minute")
        #expect(sent > 0, "the dashboard kept polling")
    }

    /// The count in the Migrations pane's title, `Migrations (N)`.
    private static func listed(_ screen: String) -> Int? {
        guard let range = screen.range(of: "Migrations (") else { return nil }
        return Int(screen[range.upperBound...].prefix { $0.isNumber })
    }
}
