import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// Marked rows acted on at once: one question, then one change a second, each checked at the simulator.
    @Suite("Acting on marked rows")
    struct BatchActionTests {
        /// How much later than planned a write may reach the simulator on a loaded machine. The dashboard
        /// decides each write a second after the one before; between that decision and the request's
        /// arrival lie a task switch and a loopback trip, which took 0.14 s once while the whole suite ran
        /// on two cores (gaps of 1.14 s then 0.84 s). Writes sent without spacing arrive milliseconds apart.
        static let lateness = 0.25

        @Test("three marked exported migrations, x, one question, y: three DELETEs a second apart, archives gone")
        func deleteMarked() async throws {
            let ids = [240_501, 240_498, 240_490]
            let dashboard = try await DashboardHarness()
            try await dashboard.waitForDashboard()
            try await dashboard.mark(migrations: ids)
            try await dashboard.tmux.send(keys: "x")
            let question = try await dashboard.tmux.waitFor("Delete 3 archives?")
            for id in ids { #expect(question.contains(String(id)), "the question names \(id)") }
            #expect(question.contains("NONE of them is downloaded yet"), "it warns that nothing is on disk")
            #expect(try await dashboard.simulator.requests().allSatisfy { $0.method != "DELETE" })

            try await dashboard.tmux.send(keys: "y")
            let run = try await dashboard.watchBatch(
                summary: "delete archives: 3 of 3 done", question: { $0.contains("Delete") && $0.contains("?") })
            #expect(run.questions.isEmpty, "a second question came up:\n\(run.questions.first ?? "")")
            #expect(
                run.headers.contains { $0.contains("delete archives 1/3") || $0.contains("delete archives 2/3") },
                "the status bar showed progress: \(run.headers)")

            let deletes = try await dashboard.simulator.requests().filter { $0.method == "DELETE" }
            let paths = ids.map { "/orgs/octo-org/migrations/\($0)/archive" }
            #expect(Set(deletes.map(\.path)) == Set(paths), "sent: \(deletes.map(\.path))")
            #expect(deletes.count == 3, "each archive deleted once: \(deletes.map(\.path))")
            #expect(deletes.allSatisfy { $0.status == 204 })
            Self.expectSpaced(deletes)
            for path in paths {
                #expect(try await dashboard.simulator.api("GET", path).status == 404, "\(path) is gone")
            }
            let activity = try await dashboard.activityLines(through: "delete archives: 3 of 3 done")
            for id in ids {
                #expect(
                    activity.contains { $0.contains("deleted the archive of octo-org #\(id)") },
                    "a line for \(id) in Activity: \(activity)")
            }
        }

        @Test("two marked exported migrations, d, one question, y: both archives on disk and in the manifest")
        func downloadMarked() async throws {
            let ids = [240_501, 240_499]
            let downloads = try TemporaryDirectory(prefix: "migdash-e2e-downloads")
            let dashboard = try await DashboardHarness(dashboardArguments: ["--download-dir", downloads.path])
            try await dashboard.waitForDashboard()
            try await dashboard.mark(migrations: ids)
            try await dashboard.tmux.send(keys: "d")
            let question = try await dashboard.tmux.waitFor("Download 2 archives?")
            for id in ids { #expect(question.contains(String(id)), "the question names \(id)") }
            try await dashboard.tmux.send(keys: "y")
            try await dashboard.tmux.waitFor("the question to close") { !$0.contains("Download 2 archives?") }
            let screen = try await dashboard.tmux.waitFor("both downloads to finish", timeout: .seconds(60)) {
                screen in
                ids.allSatisfy { id in
                    Screen.activity(screen).contains {
                        $0.contains("downloaded the archive of") && $0.contains("#\(id)")
                    }
                }
            }
            #expect(!screen.contains("Download 2 archives?") && !screen.contains("Download 1 archive?"))

            let files = downloads.files()
            #expect(!files.contains { $0.hasSuffix(".part") }, "files: \(files)")
            let manifest = try Self.manifest(in: downloads.path)
            for id in ids {
                let archives = files.filter { $0.contains("-migration-\(id)-") && $0.hasSuffix(".tar.gz") }
                #expect(archives.count == 1, "one archive of \(id): \(files)")
                guard let name = archives.first else { continue }
                let entry = manifest.first { $0["name"] as? String == name }
                #expect((entry?["migration_id"] as? NSNumber)?.intValue == id, "\(name) in the manifest: \(manifest)")
                let size = try FileManager.default.attributesOfItem(atPath: downloads.path + "/" + name)[.size]
                #expect((entry?["size"] as? NSNumber)?.int64Value == (size as? NSNumber)?.int64Value)
            }
        }

        @Test("U on a migration that locked three repositories: one question naming them, y, three unlocks")
        func unlockAll() async throws {
            let names = ["api-server", "octo-repo", "website"]
            let dashboard = try await DashboardHarness()
            try await dashboard.waitForDashboard()
            let id = try await dashboard.simulator.startMigration(
                org: "octo-org", repositories: names, lockRepositories: true)
            // The dashboard polls every few seconds while a migration exports; a loaded machine is slower.
            try await dashboard.tmux.waitFor("the new migration \(id)", timeout: .seconds(60)) {
                Screen.migrationRow(id, in: $0) != nil
            }
            try await dashboard.select(migration: id)
            try await dashboard.tmux.waitFor("its repositories, locked", timeout: .seconds(30)) { screen in
                names.allSatisfy { Screen.showsLocked("octo-org/\($0)", in: screen) }
            }
            try await dashboard.tmux.send(keys: "U")
            let question = try await dashboard.tmux.waitFor("Unlock 3 repositories of octo-org #\(id)?")
            for name in names { #expect(question.contains(name), "the question names \(name)") }
            try await dashboard.tmux.send(keys: "y")
            let run = try await dashboard.watchBatch(
                summary: "unlock repositories: 3 of 3 done", question: { $0.contains("Unlock") && $0.contains("?") })
            #expect(run.questions.isEmpty, "a second question came up:\n\(run.questions.first ?? "")")

            let unlocks = try await dashboard.simulator.requests().filter { $0.method == "DELETE" }
            let paths = names.map { "/orgs/octo-org/migrations/\(id)/repos/\($0)/lock" }
            #expect(unlocks.map(\.path).sorted() == paths, "sent: \(unlocks.map(\.path))")
            #expect(unlocks.allSatisfy { $0.status == 204 })
            Self.expectSpaced(unlocks)
            try await dashboard.tmux.waitFor("every repository to show unlocked", timeout: .seconds(30)) { screen in
                names.allSatisfy { Screen.repositoryRow("octo-org/\($0)", in: screen)?.contains("unlocked") == true }
            }
        }

        /// Expects the requests to have been sent a second apart, by the simulator's own arrival times: any
        /// two, `n` places apart, arrived at least `n` seconds apart, less `lateness`. A batch that spaced
        /// its writes by less than a second fails this over its whole run even where a single gap passes.
        static func expectSpaced(_ requests: [LoggedRequest]) {
            let times = requests.compactMap(\.receivedAt).sorted()
            #expect(times.count == requests.count, "the simulator gave every arrival time")
            let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
            for (first, earlier) in times.enumerated() {
                for (offset, later) in times.dropFirst(first + 1).enumerated() {
                    let places = Double(offset + 1)
                    #expect(
                        later - earlier >= places - lateness,
                        "requests \(first) and \(first + offset + 1) arrived \(later - earlier) s apart; gaps: \(gaps)")
                }
            }
        }

        /// The entries of `migdash-manifest.json` in `folder`.
        static func manifest(in folder: String) throws -> [[String: Any]] {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/migdash-manifest.json"))
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            return object?["archives"] as? [[String: Any]] ?? []
        }
    }
}
