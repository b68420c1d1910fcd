import DashboardCore
import DashboardViews
import Foundation
import TerminalUI
import Testing

/// `StateFixture.now` is 2026-11-22 14:02:10 UTC: 09:02:10 in New York (EST) and 19:32:10 in Kolkata.
@Suite("Times are shown in the session's zone, and UTC says so")
struct TimeZoneTests {
    private func rows(_ grid: CellGrid) -> [String] { (0..<grid.height).map(grid.row) }

    @Test(
        "header, rows, Activity and details follow the zone",
        arguments: [("America/New_York", "09:02", "09:00", "09:02:10"), ("Asia/Kolkata", "19:32", "19:30", "19:32:10")])
    func localTimes(zone: String, clock: String, created: String, activity: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var state = StateFixture.populated(timeZone: timeZone)
        let grid = DashboardView.render(state)
        #expect(grid.row(0).contains("live · \(clock)"), "\(grid.row(0))")
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
        let grid = DashboardView.render(StateFixture.populated())
        #expect(grid.row(0).contains("live · 14:02 UTC"), "\(grid.row(0))")
    }

    @Test(
        "a session elsewhere names its zone by its offset in the status bar",
        arguments: [("America/New_York", "09:02 UTC-5"), ("Asia/Kolkata", "19:32 UTC+5:30")])
    func zoneNamed(zone: String, expected: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let grid = DashboardView.render(StateFixture.populated(timeZone: timeZone))
        #expect(grid.row(0).contains("live · \(expected)"), "\(grid.row(0))")
    }
}
