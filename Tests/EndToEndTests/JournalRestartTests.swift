import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// The journal across a restart of the real binary: what one run saw, the next one shows.
    @Suite("After a restart")
    struct JournalRestartTests {
        @Test("an export watched in one run keeps its time after a restart, and Enter lists its observed history")
        func exportSurvivesRestart() async throws {
            let folder = try TemporaryDirectory(prefix: "migdash-e2e-journal")
            let journal = folder.path + "/journal.sqlite"
            let first = try await DashboardHarness(dashboardArguments: ["--journal", journal])
            try await first.waitForDashboard()
            try await first.simulator.advance(seconds: 3_600)
            try await first.tmux.waitFor("240505 exported") { screen in
                Screen.migrationRow(240_505, in: screen)?.contains("exported") == true
            }
            try await first.select(migration: 240_505)
            try await first.tmux.send(keys: "Enter")
            let details = try await first.tmux.waitFor("the export's time in the details") {
                Self.exportTook($0) != nil
            }
            let took = try #require(Self.exportTook(details))
            #expect(!took.contains("~"), "watched from exporting to exported: \(took)")
            try await first.tmux.send(keys: "Escape")
            try await first.tmux.send(keys: "q")
            #expect(try await first.tmux.waitForExit() == 0)
            first.tmux.kill()

            // The same simulator and journal, a new process.
            let second = try await TmuxSession(
                command: Shell.command([
                    try MigdashBinary.path, "--api-url", first.simulator.apiURL, "--token-file",
                    first.home.path + "/token", "--journal", journal,
                ]),
                environment: ["HOME": first.home.path], removing: DashboardHarness.leakyVariables,
                directory: first.home.path)
            defer { second.kill() }
            try await second.waitFor("the list and the journal's history", timeout: .seconds(30)) { screen in
                screen.contains("Migrations (11)")
                    // A line of run one's, from the journal: the Activity pane is not empty after a restart.
                    && Screen.activity(screen).contains { $0.contains("octo-org #240505 exported") }
            }
            try await Self.select(240_505, in: second)
            try await second.send(keys: "Enter")
            let after = try await second.waitFor("the same export time and the history of run one") { screen in
                Self.exportTook(screen) != nil
                    && screen.range(of: #"\d\d:\d\d:\d\d +exported"#, options: .regularExpression) != nil
            }
            #expect(Self.exportTook(after) == took, "the export's time survives the restart")
            #expect(
                after.range(of: #"~ \d{4}-\d\d-\d\d \d\d:\d\d:\d\d +exporting"#, options: .regularExpression) != nil,
                "first seen already exporting: marked ~\n\(after)")
        }

        /// `12s` from the details' `export took 12s` line.
        private static func exportTook(_ screen: String) -> String? {
            guard let line = screen.split(separator: "\n").first(where: { $0.contains("export took") }),
                let range = line.range(of: #"export took +\S+"#, options: .regularExpression)
            else { return nil }
            return line[range].split(separator: " ").last.map(String.init)
        }

        /// Moves the selection with `j` until migration `id` is selected.
        private static func select(_ id: Int, in tmux: TmuxSession) async throws {
            for _ in 0..<20 {
                let selected = Screen.selectedMigration(try await tmux.capture())
                if selected == id { return }
                try await tmux.send(keys: "j")
                try await tmux.waitFor("the selection to move") { Screen.selectedMigration($0) != selected }
            }
            throw TestSupportError.unexpectedResponse("migration \(id) never became selected")
        }
    }
}
