import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// The serious defects a newcomer's trial found, replayed against the real binary: each test reads
    /// only the screen and the simulator's request log, so it runs against any build of migdash
    /// (`MIGDASH_BINARY`), and failed on the build the trial used.
    @Suite("Defects from a newcomer's trial")
    struct TrialDefectTests {
        /// The seeded dashboard is up (whatever its status bar calls being current).
        private func waitUp(_ dashboard: DashboardHarness) async throws -> String {
            try await dashboard.tmux.waitFor("the seeded migrations") { screen in
                screen.contains("Migrations (11)") && screen.contains("Source imports (3)")
                    && !Screen.header(screen).contains("connecting")
            }
        }

        @Test("while the terminal is too small, x then y deletes nothing")
        func keysWhileTooSmall() async throws {
            let dashboard = try await DashboardHarness()
            _ = try await waitUp(dashboard)
            try await dashboard.select(migration: 240_501)
            try await dashboard.tmux.resize(width: 50, height: 12)
            try await dashboard.tmux.waitFor("terminal too small")
            try await dashboard.tmux.send(keys: "x")
            try await dashboard.tmux.send(keys: "y")
            try await dashboard.tmux.resize(width: 120, height: 40)
            let screen = try await dashboard.tmux.waitFor("the dashboard again") { $0.contains("Migrations (11)") }
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await dashboard.simulator.requests().allSatisfy { $0.method != "DELETE" })
            #expect(!Screen.activity(screen).contains { $0.contains("deleted the archive") })
        }

        @Test("one 403 on an organization's list does not drop it: a migration started there later appears")
        func forbiddenOnce() async throws {
            let dashboard = try await DashboardHarness()
            _ = try await waitUp(dashboard)
            try await dashboard.simulator.inject(
                fault: #"{"kind":"status","status":403,"method":"GET","path":"/orgs/octo-org/migrations","count":1}"#)
            try await dashboard.tmux.send(keys: "r")
            try await Task.sleep(for: .milliseconds(500))
            let started = try await dashboard.simulator.startMigration(org: "octo-org", repositories: ["website"])
            let screen = try await dashboard.tmux.waitFor(
                "migration \(started) started after the 403", timeout: .seconds(20)
            ) { Screen.migrationRow(started, in: $0) != nil }
            #expect(screen.contains("octo-org"))
        }

        @Test("--auto-download starts none of the archives exported before launch, and asks about them once")
        func autoDownloadBacklog() async throws {
            let downloads = try TemporaryDirectory(prefix: "migdash-e2e-downloads")
            let dashboard = try await DashboardHarness(
                dashboardArguments: ["--auto-download", "--download-dir", downloads.path])
            _ = try await waitUp(dashboard)
            // The question comes once every scope has answered, which may take a poll round (3 s) when
            // an organization that is not ours answers last: wait for it rather than for a fixed time.
            let screen = try await dashboard.tmux.waitFor("the backlog question") {
                $0.contains("exported before migdash started?")
            }
            #expect(screen.contains("exported before migdash started?"))
            let archives = try await dashboard.simulator.requests().filter { $0.path.hasSuffix("/archive") }
            #expect(archives.isEmpty, "archive requests at launch: \(archives.map(\.path))")
        }

        @Test("a POST whose answer is lost is checked, not reported as failed, and is never sent twice")
        func lostAnswer() async throws {
            let dashboard = try await DashboardHarness()
            _ = try await waitUp(dashboard)
            try await dashboard.simulator.inject(
                fault: #"{"kind":"dropMidBody","method":"POST","path":"/orgs/octo-org/migrations","afterBytes":5}"#)
            try await dashboard.tmux.send(keys: "n")
            try await dashboard.tmux.waitFor("New migration")
            try await dashboard.tmux.send(keys: "Right")
            try await dashboard.tmux.waitFor("the organization's repositories") { $0.contains("octo-repo") }
            try await dashboard.tmux.type("website")
            try await dashboard.tmux.send(keys: "Space")
            try await dashboard.tmux.waitFor("1 picked")
            try await dashboard.tmux.send(keys: "Enter")
            try await dashboard.tmux.send(keys: "Enter")
            let screen = try await dashboard.tmux.waitFor("the start tied to its request", timeout: .seconds(20)) {
                Screen.activity($0).contains { $0.contains("started migration") }
            }
            #expect(!Screen.activity(screen).contains { $0.contains("could not start") })
            let posts = try await dashboard.simulator.requests().filter {
                $0.method == "POST" && $0.path.hasSuffix("/orgs/octo-org/migrations")
            }
            #expect(posts.count == 1)
        }

        @Test("a refused token is sent once, not again and again")
        func badToken() async throws {
            let dashboard = try await DashboardHarness(token: "not-the-token")
            try await dashboard.tmux.waitFor("the refusal in Activity") { $0.contains("did not accept the token") }
            try await Task.sleep(for: .seconds(12))
            let requests = try await dashboard.simulator.requests().filter { $0.status == 401 }
            #expect(requests.count == 1, "\(requests.count) requests with the refused token: \(requests.map(\.path))")
        }

        @Test("/ in the Repositories pane filters the repositories, not the migrations")
        func filterFollowsFocus() async throws {
            let dashboard = try await DashboardHarness()
            _ = try await waitUp(dashboard)
            try await dashboard.select(migration: 240_501)
            try await dashboard.tmux.send(keys: "2")
            try await dashboard.tmux.send(keys: "/")
            try await dashboard.tmux.type("website")
            try await dashboard.tmux.send(keys: "Enter")
            let screen = try await dashboard.tmux.waitFor("the repositories filtered") {
                $0.contains("/website") && !$0.contains("octo-org/octo-repo")
            }
            #expect(screen.contains("Migrations (11)"), "the migrations pane is not filtered")
        }
    }
}
