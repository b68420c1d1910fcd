import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// The new-migration dialog's `one migration per repository`: one start per picked repository, a second apart.
    @Suite("Starting one migration per repository")
    struct PerRepositoryStartTests {
        static let picks = ["api-server", "legacy-svn", "octo-repo", "old-hg", "website"]

        @Test(
            "five repositories picked, one per repository: five POSTs of one repository each, a second apart, no sixth")
        func fiveStarts() async throws {
            let dashboard = try await DashboardHarness()
            try await dashboard.waitForDashboard()
            let before = try await Self.migrationIDs(dashboard.simulator)
            try await dashboard.tmux.send(keys: "n")
            try await dashboard.tmux.waitFor("the dialog with the user's repositories") {
                $0.contains("one migration per repository") && $0.contains("Hello-World")
            }
            // Right moves from the user's scope to the organization's, whose repositories then load.
            try await dashboard.tmux.send(keys: "Right")
            try await dashboard.tmux.waitFor("octo-org's repositories") {
                $0.contains("legacy-svn") && $0.contains("vendor-tfs")
            }
            for name in Self.picks {
                // Typing filters the list to the one repository; Space picks it; Esc clears the filter.
                try await dashboard.tmux.type(name)
                try await dashboard.tmux.waitFor("the list filtered to \(name)") { !$0.contains("vendor-tfs") }
                try await dashboard.tmux.send(keys: "Space")
                try await dashboard.tmux.send(keys: "Escape")
                try await dashboard.tmux.waitFor("the filter cleared") { $0.contains("vendor-tfs") }
            }
            try await dashboard.tmux.waitFor("five picked, in the preview") { screen in
                screen.contains("repositories: [" + Self.picks.joined(separator: ", ") + "]")
            }
            // Tab through the flags to the toggle: lock, five exclusions, then one migration per repository.
            for _ in 0..<7 { try await dashboard.tmux.send(keys: "Tab") }
            try await dashboard.tmux.send(keys: "Space")
            try await dashboard.tmux.waitFor("the preview to say one POST per repository") {
                $0.contains("× 5, one repository each, a second apart")
            }
            try await dashboard.tmux.send(keys: "Enter")
            try await dashboard.tmux.waitFor("the starts to finish", timeout: .seconds(60)) { screen in
                Screen.activity(screen).contains { $0.contains("start migrations: 5 of 5 done") }
            }

            let posts = try await Self.starts(dashboard.simulator)
            #expect(posts.count == 5, "POSTs: \(posts.map(\.path))")
            #expect(posts.allSatisfy { $0.path == "/orgs/octo-org/migrations" && $0.status == 201 })
            EndToEndTests.BatchActionTests.expectSpaced(posts)
            // A few seconds more: a start that was answered must never go again.
            let fifth = posts.compactMap(\.receivedAt).max() ?? 0
            try await Polling.until("three seconds after the fifth POST") { Date().timeIntervalSince1970 > fifth + 3 }
            let later = try await Self.starts(dashboard.simulator)
            #expect(later.count == 5, "POSTs by now: \(later.map(\.path))")

            let started = try await Self.migrationIDs(dashboard.simulator).subtracting(before)
            #expect(started.count == 5, "new migrations: \(started)")
            var repositories: [[String]] = []
            for id in started.sorted() {
                repositories.append(try await Self.repositories(of: id, dashboard.simulator))
            }
            #expect(repositories.allSatisfy { $0.count == 1 }, "each has one repository: \(repositories)")
            #expect(repositories.flatMap { $0 }.sorted() == Self.picks)
            try await dashboard.tmux.waitFor("the five new migrations listed", timeout: .seconds(30)) { screen in
                screen.contains("Migrations (16)") && started.allSatisfy { Screen.migrationRow($0, in: screen) != nil }
            }
        }

        /// The migration starts the simulator saw.
        static func starts(_ simulator: SimulatorProcess) async throws -> [LoggedRequest] {
            try await simulator.requests().filter { $0.method == "POST" }
        }

        /// The ids of octo-org's migrations, as the simulator lists them.
        static func migrationIDs(_ simulator: SimulatorProcess) async throws -> Set<Int> {
            let reply = try await simulator.api("GET", "/orgs/octo-org/migrations?per_page=100")
            try reply.expect(200, "GET /orgs/octo-org/migrations")
            let list = try JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]] ?? []
            return Set(list.compactMap { ($0["id"] as? NSNumber)?.intValue })
        }

        /// The names of the repositories of one of octo-org's migrations.
        static func repositories(of id: Int, _ simulator: SimulatorProcess) async throws -> [String] {
            let reply = try await simulator.api("GET", "/orgs/octo-org/migrations/\(id)")
            try reply.expect(200, "GET /orgs/octo-org/migrations/\(id)")
            let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]
            let list = object?["repositories"] as? [[String: Any]] ?? []
            return list.compactMap { $0["name"] as? String }
        }
    }
}
