import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// Commands that change something on GitHub, their confirmations, and read-only mode.
    @Suite("Acting on migrations")
    struct ArchiveActionTests {
        static let archivePath = "/orgs/octo-org/migrations/240501/archive"

        @Test("x asks first: n deletes nothing; x then y deletes the archive, and GitHub answers 404 for it")
        func deleteArchive() async throws {
            let dashboard = try await DashboardHarness()
            try await dashboard.waitForDashboard()
            try await dashboard.select(migration: 240_501)
            try await dashboard.tmux.send(keys: "x")
            try await dashboard.tmux.waitFor("Delete the archive of octo-org #240501?")
            try await dashboard.tmux.send(keys: "n")
            let cancelled = try await dashboard.tmux.waitFor("the question to close") {
                !$0.contains("Delete the archive")
            }
            #expect(Screen.migrationRow(240_501, in: cancelled)?.contains("left") == true)
            #expect(try await dashboard.simulator.api("GET", Self.archivePath).status == 302)
            #expect(try await dashboard.simulator.requests().allSatisfy { $0.method != "DELETE" })

            try await dashboard.tmux.send(keys: "x")
            try await dashboard.tmux.waitFor("Delete the archive of octo-org #240501?")
            try await dashboard.tmux.send(keys: "y")
            let deleted = try await dashboard.tmux.waitFor("the archive column to say deleted") {
                Screen.migrationRow(240_501, in: $0)?.contains("deleted") == true
            }
            #expect(Screen.activity(deleted).contains { $0.contains("deleted the archive of octo-org #240501") })
            #expect(try await dashboard.simulator.api("GET", Self.archivePath).status == 404)
        }

        @Test("u then y unlocks the selected repository")
        func unlock() async throws {
            let dashboard = try await DashboardHarness()
            try await dashboard.waitForDashboard()
            try await dashboard.select(migration: 240_501)
            try await dashboard.tmux.waitFor("octo-org/octo-repo in the repositories pane") {
                $0.contains("octo-org/octo-repo") && $0.contains("locked")
            }
            try await dashboard.tmux.send(keys: "u")
            try await dashboard.tmux.waitFor("Unlock octo-repo (octo-org #240501)?")
            try await dashboard.tmux.send(keys: "y")
            let screen = try await dashboard.tmux.waitFor("octo-repo to show unlocked") { screen in
                screen.split(separator: "\n").contains { $0.contains("octo-org/octo-repo") && $0.contains("unlocked") }
            }
            #expect(Screen.activity(screen).contains { $0.contains("unlocked octo-repo of octo-org #240501") })
            let unlocks = try await dashboard.simulator.requests().filter { $0.method == "DELETE" }
            #expect(unlocks.map(\.path) == ["/orgs/octo-org/migrations/240501/repos/octo-repo/lock"])
            #expect(unlocks.first?.status == 204)
        }

        @Test("d saves the archive as a .tar.gz in --download-dir, leaves no .part, and the row is marked ✓ saved")
        func download() async throws {
            let downloads = try TemporaryDirectory(prefix: "migdash-e2e-downloads")
            let dashboard = try await DashboardHarness(dashboardArguments: ["--download-dir", downloads.path])
            try await dashboard.waitForDashboard()
            try await dashboard.select(migration: 240_501)
            try await dashboard.tmux.send(keys: "d")
            let screen = try await dashboard.tmux.waitFor("the download to finish") {
                Screen.activity($0).contains { $0.contains("downloaded the archive of octo-org #240501") }
            }
            let files = downloads.files()
            let archives = files.filter { $0.contains("-migration-240501-") && $0.hasSuffix(".tar.gz") }
            #expect(archives.count == 1, "files: \(files)")
            #expect(!files.contains { $0.hasSuffix(".part") }, "files: \(files)")
            if let archive = archives.first {
                let bytes = FileManager.default.contents(atPath: downloads.path + "/" + archive) ?? Data()
                #expect(bytes.prefix(2) == Data([0x1F, 0x8B]), "the archive is gzip data")
            }
            #expect(
                Screen.migrationRow(240_501, in: screen)?.contains("✓") == true,
                "the row is marked saved: \(Screen.migrationRow(240_501, in: screen) ?? "")")
        }

        @Test("--readonly: READ-ONLY in the status bar, and x says read-only and deletes nothing")
        func readOnly() async throws {
            let dashboard = try await DashboardHarness(dashboardArguments: ["--readonly"])
            let first = try await dashboard.waitForDashboard()
            #expect(Screen.header(first).contains("READ-ONLY"))
            try await dashboard.select(migration: 240_501)
            try await dashboard.tmux.send(keys: "x")
            let screen = try await dashboard.tmux.waitFor("read-only")
            #expect(!screen.contains("Delete the archive"), "no confirmation is asked")
            #expect(Screen.migrationRow(240_501, in: screen)?.contains("left") == true)
            #expect(try await dashboard.simulator.api("GET", Self.archivePath).status == 302)
            #expect(try await dashboard.simulator.requests().allSatisfy { $0.method == "GET" })
        }
    }
}
