import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// The dashboard and `migdash watch` writing one journal file at once.
    @Suite("Two processes on one journal")
    struct JournalSharingTests {
        /// The NDJSON events `watch` printed so far; a line that is not a JSON object fails the test.
        private func events(_ watch: ProcessRunner.Launched) throws -> [[String: Any]] {
            try watch.output.text.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            }
        }

        @Test(
            "the dashboard and migdash watch --ndjson on one --journal: no lock error, both run on, the file is sound and holds each change once"
        )
        func dashboardAndWatch() async throws {
            let folder = try TemporaryDirectory(prefix: "migdash-e2e-shared-journal")
            let path = folder.path + "/shared.sqlite"
            // Three organizations and 600 more migrations: both first readings are large writes, at the same time.
            let dashboard = try await DashboardHarness(
                simulatorArguments: ["--export-seconds", "600", "--orgs", "3", "--migrations", "600"],
                dashboardArguments: ["--journal", path])
            let watch = try ProcessRunner.launch(
                try MigdashBinary.path,
                [
                    "watch", "--ndjson", "--journal", path, "--api-url", dashboard.simulator.apiURL, "--token-file",
                    dashboard.home.path + "/token",
                ],
                environment: [
                    "HOME": dashboard.home.path, "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "interactive=no",
                ])
            defer { kill(watch.processID, SIGKILL) }
            let total = 611
            try await Polling.until("watch's ready line", timeout: .seconds(90), every: .milliseconds(100)) {
                if watch.exit.hasEnded {
                    throw TestSupportError.unexpectedResponse("watch ended: \(watch.errors.text)")
                }
                return try events(watch).contains { $0["event"] as? String == "ready" }
            }
            try await dashboard.tmux.waitFor("all \(total) migrations listed", timeout: .seconds(90)) {
                $0.contains("Migrations (\(total))") && Screen.header($0).contains("updated")
            }

            // Three new migrations, one of them failing, and the seeded ones in progress: every one changes.
            var started: [Int] = []
            for repositories in [["website"], ["api-server", "octo-repo"], ["broken-monolith"]] {
                started.append(
                    try await dashboard.simulator.startMigration(org: "octo-org", repositories: repositories))
            }
            try await dashboard.simulator.advance(seconds: 130)
            try await dashboard.tmux.send(keys: "r")
            try await dashboard.tmux.waitFor("the new migrations exporting", timeout: .seconds(60)) { screen in
                started.allSatisfy { Screen.migrationRow($0, in: screen)?.contains("exporting") == true }
            }
            try await dashboard.simulator.advance(seconds: 3_600)
            try await dashboard.tmux.send(keys: "r")
            let screen = try await dashboard.tmux.waitFor("the new migrations finished", timeout: .seconds(60)) {
                screen in
                started.allSatisfy { id in
                    let row = Screen.migrationRow(id, in: screen)
                    return row?.contains("exported") == true || row?.contains("failed") == true
                }
            }
            try await Polling.until("watch to report them finished", timeout: .seconds(90), every: .milliseconds(100)) {
                let finished = try events(watch).filter {
                    ["exported", "failed"].contains($0["state"] as? String ?? "")
                }
                return started.allSatisfy { id in finished.contains { $0["id"] as? Int == id } }
            }

            // Both still running, neither heard of a lock.
            #expect(!watch.exit.hasEnded, "watch ended: \(watch.errors.text)")
            #expect(!screen.contains("EXIT="), "the dashboard ended")
            #expect(!screen.contains("database is locked") && !screen.contains("no journal"), "\(screen)")
            // watch says a journal problem on stderr (`migdash: no journal: …`): nothing at all here.
            #expect(watch.errors.text.isEmpty, "\(watch.errors.text)")
            #expect(
                try events(watch).allSatisfy { $0["event"] as? String != "connection_lost" }, "\(watch.output.text)")
            let activity = try await dashboard.activityLines(through: "history from the journal")
            #expect(activity.contains { $0.contains("history from the journal") }, "\(activity)")
            #expect(
                !activity.contains { $0.contains("database is locked") || $0.contains("no journal") },
                "\(activity.joined(separator: "\n"))")

            try await dashboard.tmux.send(keys: "q")
            #expect(try await dashboard.tmux.waitForExit(timeout: .seconds(30)) == 0)
            #expect(kill(watch.processID, SIGTERM) == 0)
            let ended = await watch.outcome()
            #expect(ended.status == 143, "\(ended.errorOutput)")
            #expect(ended.errorOutput.isEmpty, "\(ended.errorOutput)")

            #expect(try await JournalProbe.integrity(path) == ["ok"])
            let log = try await dashboard.migdash(["log", "--json", "--journal", path])
            try #require(log.status == 0, "\(log.errorOutput)")
            let entries = try #require(
                try JSONSerialization.jsonObject(with: Data(log.output.utf8)) as? [[String: Any]])
            let observations = entries.filter { $0["kind"] as? String == "observation" }
            let texts = observations.compactMap { $0["text"] as? String }
            #expect(Set(texts).count == texts.count, "a change recorded twice: \(Self.repeated(texts))")
            for id in started {
                let seen = texts.filter { $0.hasPrefix("octo-org #\(id) ") }
                #expect(seen.count >= 2, "\(id): \(seen)")
                #expect(seen.contains { $0.hasSuffix(" exported") || $0.hasSuffix(" failed") }, "\(id): \(seen)")
            }
            // Every migration, and each state of each once, whoever saw it first.
            #expect(try await JournalProbe.count(path, "migrations") == total + started.count)
            let twice = try await JournalProbe.query(
                path,
                "SELECT COUNT(*) FROM (SELECT migration, state FROM observations GROUP BY 1, 2 HAVING COUNT(*) > 1)")
            #expect(twice == ["0"])
        }

        /// The texts that appear more than once.
        private static func repeated(_ texts: [String]) -> [String] {
            var seen: Set<String> = []
            return texts.filter { !seen.insert($0).inserted }
        }
    }
}
