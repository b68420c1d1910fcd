import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// A journal that cannot be kept where it was asked for: the dashboard runs on and says so once.
    @Suite("A journal that cannot be kept")
    struct JournalUnavailableTests {
        /// Lets the seeded exporting migration finish and waits for its line, so the dashboard has had a
        /// change to record since it opened (or failed to open) the journal.
        private func changeSomething(_ dashboard: DashboardHarness) async throws -> String {
            try await dashboard.simulator.advance(seconds: 3_600)
            return try await dashboard.tmux.waitFor("240505 exported, logged in Activity", timeout: .seconds(60)) {
                Screen.activity($0).contains { $0.contains("240505 octo-org  exporting → exported") }
            }
        }

        @Test("--journal in a folder that cannot be written: the dashboard runs, the footer says `no journal: …` once")
        func readOnlyFolder() async throws {
            let folder = try TemporaryDirectory(prefix: "migdash-e2e-locked-journal")
            let locked = folder.path + "/locked"
            try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
            try ReadOnlyFolder.lock(locked)
            defer { ReadOnlyFolder.unlock(locked) }
            let path = locked + "/journal.sqlite"
            let dashboard = try await DashboardHarness(dashboardArguments: ["--journal", path])
            let screen = try await dashboard.tmux.waitFor("the notice in the footer", timeout: .seconds(30)) {
                Screen.footer($0).contains("no journal: cannot open the journal")
            }
            try await dashboard.waitForDashboard()
            #expect(Screen.activity(screen).filter { $0.contains("no journal") }.count == 1, "\(screen)")
            let later = try await changeSomething(dashboard)
            #expect(!later.contains("EXIT="), "the dashboard ended")
            let activity = try await dashboard.activityLines(through: "no line has this")
            #expect(activity.filter { $0.contains("no journal") }.count == 1, "said once: \(activity)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }

        @Test(
            "--journal naming a file of garbage: moved aside with its bytes, a new journal kept, said once, never `no journal`"
        )
        func corruptFile() async throws {
            let folder = try TemporaryDirectory(prefix: "migdash-e2e-corrupt-journal")
            let path = folder.path + "/journal.sqlite"
            let garbage = Data((0..<8_192).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 13) })
            try garbage.write(to: URL(fileURLWithPath: path))
            let dashboard = try await DashboardHarness(dashboardArguments: ["--journal", path])
            let screen = try await dashboard.tmux.waitFor("the notice in the footer", timeout: .seconds(30)) {
                Screen.footer($0).contains("the journal was damaged")
            }
            try await dashboard.waitForDashboard()
            // A journal is kept: the file moved aside is not "no journal", nor "running without one".
            #expect(!screen.contains("no journal") && !screen.contains("running without"), "\(screen)")
            #expect(Screen.activity(screen).filter { $0.contains("the journal was damaged") }.count == 1, "\(screen)")
            let aside = folder.files().filter { $0.hasPrefix("journal.sqlite.corrupt-") }
            #expect(aside.count == 1, "\(folder.files())")
            if let name = aside.first {
                #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + name)) == garbage)
            }

            _ = try await changeSomething(dashboard)
            let activity = try await dashboard.activityLines(through: "history from the journal")
            #expect(activity.filter { $0.contains("the journal was damaged") }.count == 1, "\(activity)")
            #expect(!activity.contains { $0.contains("no journal") || $0.contains("without one") }, "\(activity)")
            try await dashboard.tmux.send(keys: "q")
            #expect(try await dashboard.tmux.waitForExit(timeout: .seconds(30)) == 0)
            #expect(try await JournalProbe.integrity(path) == ["ok"])
            let recorded = try await JournalProbe.query(
                path,
                "SELECT o.state FROM observations o JOIN migrations m ON m.id = o.migration WHERE m.migration_id = 240505 ORDER BY o.id"
            )
            #expect(recorded.last == "exported", "the new journal keeps what changed: \(recorded)")
        }
    }
}
