import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

/// `StateFixture.now` is 2026-11-22 14:02:10 UTC: 09:02:10 in New York (EST) and 19:32:10 in Kolkata.
@Suite("Times are shown in the session's zone, and UTC says so")
struct TimeZoneTests {
    private func rows(_ grid: CellGrid) -> [String] { (0..<grid.height).map(grid.row) }

    /// The populated dashboard with a rate limit that resets at 14:32 UTC, so the header shows a time.
    private func withRateLimit(_ timeZone: TimeZone? = nil) -> DashboardState {
        var state = timeZone.map { StateFixture.populated(timeZone: $0) } ?? StateFixture.populated()
        let reset = StateFixture.now.addingTimeInterval(1_800)
        _ = Reducer.reduce(&state, .rateLimitUpdated(RateLimit(limit: 5000, remaining: 4871, used: 129, reset: reset)))
        return state
    }

    @Test(
        "header, rows, Activity and details follow the zone",
        arguments: [("America/New_York", "09:32", "09:00", "09:02:10"), ("Asia/Kolkata", "20:02", "19:30", "19:32:10")])
    func localTimes(zone: String, reset: String, created: String, activity: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var state = withRateLimit(timeZone)
        let grid = DashboardView.render(state)
        #expect(grid.row(0).contains("resets \(reset)"), "the rate limit's reset, in the zone: \(grid.row(0))")
        let migration = rows(grid).first { $0.contains("  1042 ") } ?? ""
        #expect(migration.contains(" \(created) "), "\(migration)")
        #expect(rows(grid).contains { $0.contains("│  \(activity)  connected") })
        _ = Reducer.reduce(&state, .key(.enter))
        let details = DashboardView.render(state)
        #expect(details.contains("2026-11-22 \(created):00"), "\(details.text)")
        #expect(!details.contains("14:00:00"))
    }

    @Test("a session in UTC labels its times UTC in the status bar")
    func utcLabelled() {
        let grid = DashboardView.render(withRateLimit())
        let header = grid.row(0).trimmingCharacters(in: .whitespaces)
        #expect(header.contains("resets 14:32") && header.hasSuffix("UTC"), "\(header)")
    }

    @Test(
        "a session elsewhere names its zone by its offset in the status bar",
        arguments: [("America/New_York", "UTC-5"), ("Asia/Kolkata", "UTC+5:30")])
    func zoneNamed(zone: String, expected: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let grid = DashboardView.render(withRateLimit(timeZone))
        #expect(grid.row(0).trimmingCharacters(in: .whitespaces).hasSuffix(expected), "\(grid.row(0))")
    }
}
