import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// The dashboard killed with SIGKILL while it writes its first reading of 10,000 migrations.
    @Suite("The journal after kill -9")
    struct JournalKillTests {
        /// Every migration the simulator holds with `--orgs 20 --migrations 10000`: the seeded 11 and the 10,000.
        static let total = 10_011

        @Test(
            "kill -9 mid-first-load of 10,000 migrations: the journal opens, is sound, keeps what was committed, and the next run completes it"
        )
        func killedMidFirstLoad() async throws {
            let folder = try TemporaryDirectory(prefix: "migdash-e2e-killed-journal")
            let path = folder.path + "/journal.sqlite"
            let dashboard = try await DashboardHarness(
                simulatorArguments: ["--export-seconds", "600", "--orgs", "20", "--migrations", "10000"],
                dashboardArguments: ["--journal", path])
            // The first rows committed: the load is under way (each page read is written as it comes).
            var committed = 0
            try await Polling.until(
                "the first migrations in the journal", timeout: .seconds(90), every: .milliseconds(50)
            ) {
                committed = (try? await JournalProbe.count(path, "migrations", readOnly: true)) ?? 0
                return committed > 0
            }
            let pid = try await dashboard.dashboardPID()
            #expect(kill(pid, SIGKILL) == 0)
            // The killed dashboard leaves the terminal as it was: wait for the process, not for a tidy screen.
            try await Polling.until("the dashboard to be gone", timeout: .seconds(30)) {
                kill(pid, 0) != 0 && errno == ESRCH
            }
            #expect(committed < Self.total, "the load had finished before the kill: \(committed) migrations")

            let log = try await dashboard.migdash(["log", "--journal", path])
            #expect(log.status == 0, "\(log.errorOutput)")
            #expect(try await JournalProbe.integrity(path) == ["ok"])
            let kept = try await JournalProbe.count(path, "migrations")
            #expect(kept >= committed, "committed before the kill: \(committed), kept: \(kept)")
            #expect(kept < Self.total)
            // Written whole or not at all: no migration without its first observation.
            let bare = try await JournalProbe.query(
                path,
                "SELECT COUNT(*) FROM migrations m WHERE NOT EXISTS (SELECT 1 FROM observations WHERE migration = m.id)"
            )
            #expect(bare == ["0"])

            try await dashboard.relaunch()
            try await dashboard.tmux.waitFor("all \(Self.total) migrations listed", timeout: .seconds(120)) {
                $0.contains("Migrations (\(Self.total))") && Screen.header($0).contains("updated")
            }
            try await dashboard.tmux.send(keys: "q")
            #expect(try await dashboard.tmux.waitForExit(timeout: .seconds(30)) == 0)
            #expect(try await JournalProbe.integrity(path) == ["ok"])
            #expect(try await JournalProbe.count(path, "migrations") == Self.total)
            #expect(
                try await JournalProbe.query(path, "SELECT COUNT(DISTINCT migration) FROM observations") == [
                    "\(Self.total)"
                ])
            let moved = folder.files().filter { $0.contains("corrupt") }
            #expect(moved.isEmpty, "the journal was taken for damaged: \(moved)")
        }
    }
}
