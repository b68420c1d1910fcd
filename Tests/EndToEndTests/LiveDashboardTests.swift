import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// What a user watching the dashboard sees: the seeded world, live changes, resizes.
    @Suite("Watching")
    struct LiveDashboardTests {
        @Test("launch shows the seeded migrations, the imports and `live` in the status bar")
        func launch() async throws {
            let dashboard = try await DashboardHarness()
            let screen = try await dashboard.waitForDashboard()
            let seeded = [
                240_507, 240_506, 240_505, 240_504, 240_501, 240_502, 240_498, 240_499, 240_493, 240_495, 240_490,
            ]
            for id in seeded {
                #expect(Screen.migrationRow(id, in: screen) != nil, "migration \(id) is listed")
            }
            // Exported 150 hours ago: its archive expires in about 18 hours.
            #expect(Screen.migrationRow(240_490, in: screen)?.contains("18h") == true)
            #expect(Screen.migrationRow(240_493, in: screen)?.contains("failed") == true)
            #expect(Screen.migrationRow(240_501, in: screen)?.contains("exported") == true)
            #expect(Screen.header(screen).contains("octocat"))
            #expect(screen.contains("Source imports (3)"))
            #expect(Screen.selectedMigration(screen) == 240_507)
        }

        @Test("an export finishing at the simulator shows as `exported`, with a line in Activity")
        func liveChange() async throws {
            let dashboard = try await DashboardHarness()
            let before = try await dashboard.waitForDashboard()
            #expect(Screen.migrationRow(240_505, in: before)?.contains("exporting") == true)
            try await dashboard.simulator.advance(seconds: 3_600)
            // No key pressed: the dashboard's own poll (every few seconds while something exports) must see it.
            let after = try await dashboard.tmux.waitFor("240505 exported, logged in Activity") { screen in
                Screen.migrationRow(240_505, in: screen)?.contains("exported") == true
                    && Screen.activity(screen).contains { $0.contains("240505 octo-org  exporting → exported") }
            }
            #expect(Screen.migrationRow(240_505, in: after)?.contains("left") == true, "the archive's time left shows")
        }

        @Test("while the API is slow to answer a poll, the dashboard sleeps instead of spinning")
        func slowAPI() async throws {
            let dashboard = try await DashboardHarness()
            try await dashboard.waitForDashboard()
            let pid = try await dashboard.dashboardPID()
            let userPolls = {
                try await dashboard.simulator.requests().filter { $0.path.hasPrefix("/user/migrations?") }.count
            }
            let before = try await userPolls()
            try await dashboard.simulator.inject(
                fault: #"{"kind":"stall","seconds":8,"method":"GET","path":"/orgs/octo-org/migrations","count":1}"#)
            // The user's scope answers at once; the organization's, in the same round, hangs for 8 s.
            try await Polling.until("the next poll round") { try await userPolls() > before }
            // A measurement window, not a wait for the screen: CPU used in 2 s while the poll is outstanding.
            let start = ProcessTable.cpuSeconds(of: pid) ?? 0
            try await Task.sleep(for: .seconds(2))
            let used = (ProcessTable.cpuSeconds(of: pid) ?? 0) - start
            // A past due time while the round is in flight once made the loop wake every 5 ms and redraw.
            #expect(used < 0.1, "CPU seconds used in 2 s with a poll outstanding: \(used)")
        }

        @Test("a terminal below 60x15 says it is too small, and the dashboard comes back at 120x40")
        func resize() async throws {
            let dashboard = try await DashboardHarness()
            try await dashboard.waitForDashboard()
            try await dashboard.tmux.resize(width: 50, height: 12)
            let small = try await dashboard.tmux.waitFor("terminal too small")
            #expect(!small.contains("Migrations ("))
            try await dashboard.tmux.resize(width: 120, height: 40)
            let restored = try await dashboard.waitForDashboard()
            #expect(!restored.contains("terminal too small"))
            #expect(restored.split(separator: "\n").last?.contains("q quit") == true, "the footer is back")
        }
    }
}
