import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// The journal across a restart of the real dashboard: what one run saw, the next one shows.
    @Suite("The journal across a restart: the Activity pane and migdash history")
    struct RestartHistoryTests {
        /// `migdash history --json` of octo-org's migration `id`, in the dashboard's home.
        private func history(_ dashboard: DashboardHarness, _ id: Int) async throws -> [String: Any] {
            let outcome = try await dashboard.migdash(["history", "--org", "octo-org", String(id), "--json"])
            try #require(outcome.status == 0, "history: \(outcome.status) \(outcome.errorOutput)")
            #expect(outcome.errorOutput.isEmpty, "\(outcome.errorOutput)")
            return try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        }

        @Test(
            "a migration seen exporting then exported; after q and a new launch the Activity pane shows it from the journal, and history keeps its times and export duration"
        )
        func restart() async throws {
            let began = Date()
            let dashboard = try await DashboardHarness()
            try await dashboard.waitForDashboard()
            let id = try await dashboard.simulator.startMigration(org: "octo-org", repositories: ["website"])
            // Past the first fifth of the 600 s export: exporting. `r` reads the lists now, not in 30 s.
            try await dashboard.simulator.advance(seconds: 130)
            try await dashboard.tmux.send(keys: "r")
            try await dashboard.tmux.waitFor("\(id) exporting", timeout: .seconds(60)) {
                Screen.migrationRow(id, in: $0)?.contains("exporting") == true
            }
            try await dashboard.simulator.advance(seconds: 600)
            try await dashboard.tmux.waitFor("\(id) exported, logged in Activity", timeout: .seconds(60)) { screen in
                Screen.migrationRow(id, in: screen)?.contains("exported") == true
                    && Screen.activity(screen).contains { $0.contains("\(id) octo-org  exporting → exported") }
            }
            try await dashboard.tmux.send(keys: "q")
            #expect(try await dashboard.tmux.waitForExit(timeout: .seconds(30)) == 0)

            let files = dashboard.defaultJournalFiles()
            #expect(files.contains { $0.hasPrefix("octocat@") && $0.hasSuffix(".sqlite") }, "\(files)")
            let before = try await history(dashboard, id)
            let observations = try #require(before["observations"] as? [[String: Any]])
            let states = observations.compactMap { $0["state"] as? String }
            #expect(states.suffix(2) == ["exporting", "exported"], "\(observations)")
            let formatter = ISO8601DateFormatter()
            let times = observations.compactMap { ($0["at"] as? String).flatMap(formatter.date(from:)) }
            #expect(times.count == observations.count, "every state has its time: \(observations)")
            #expect(times == times.sorted(), "in the order seen: \(observations)")
            // Whole seconds: the journal keeps milliseconds, the JSON prints seconds.
            #expect(times.allSatisfy { $0 >= began.addingTimeInterval(-1) && $0 <= Date() }, "\(observations)")
            #expect(before["export_finished"] as? Bool == true, "\(before)")
            let seconds = try #require(before["export_seconds"] as? Double, "\(before)")

            try await dashboard.relaunch()
            let screen = try await dashboard.tmux.waitFor("the 12 migrations read again", timeout: .seconds(30)) {
                $0.contains("Migrations (12)") && Screen.header($0).contains("updated")
            }
            #expect(!Screen.footer(screen).contains("no journal"), "\(Screen.footer(screen))")
            // This run's lines come first, the journal's after them, newest first, down to the line naming it.
            let activity = try await dashboard.activityLines(through: "history from the journal")
            let marker = try #require(
                activity.firstIndex { $0.contains("history from the journal") }, "\(activity.joined(separator: "\n"))")
            let earlier = activity[..<marker]
            let exported = earlier.firstIndex { $0.contains("octo-org #\(id) exported") }
            let exporting = earlier.firstIndex {
                $0.contains("octo-org #\(id) exporting") || $0.contains("octo-org #\(id) found exporting")
            }
            #expect(exported != nil && exporting != nil, "\(activity.joined(separator: "\n"))")
            if let exported, let exporting { #expect(exported < exporting, "newest first") }

            // The second run's first reading finds the migration as recorded: nothing added, nothing changed
            // (read after it quits, so that whatever it would write is written).
            try await dashboard.tmux.send(keys: "q")
            #expect(try await dashboard.tmux.waitForExit(timeout: .seconds(30)) == 0)
            let after = try await history(dashboard, id)
            #expect(after["export_seconds"] as? Double == seconds, "\(before)\n\(after)")
            #expect(after["export_approximate"] as? Bool == before["export_approximate"] as? Bool)
            let observationsAfter = try #require(after["observations"] as? [[String: Any]])
            #expect(observationsAfter.map { $0["at"] as? String } == observations.map { $0["at"] as? String })
            #expect(observationsAfter.map { $0["state"] as? String } == observations.map { $0["state"] as? String })
        }
    }
}
