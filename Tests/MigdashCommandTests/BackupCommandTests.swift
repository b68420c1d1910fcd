import Foundation
import TestSupport
import Testing

@Suite("migdash backup, run as a process against migdash simulate")
struct BackupCommandTests {
    /// `octo-org-2` (from `--orgs 2`) has repositories whose exports succeed; `octo-org` has
    /// `broken-monolith`, so a migration of all its repositories fails.
    private static let simulatorArguments = ["--orgs", "2", "--export-seconds", "3"]

    private func backup(_ simulator: SimulatorProcess, _ folder: TemporaryDirectory, _ more: [String]) -> [String] {
        [
            "backup", "--output", folder.path, "--api-url", simulator.apiURL, "--token-file",
            CommandRun.simulatorTokenFile,
        ] + more
    }

    /// The POSTs that started migrations of `org`.
    private func starts(_ simulator: SimulatorProcess, org: String) async throws -> Int {
        try await simulator.requests().filter { $0.method == "POST" && $0.path.hasPrefix("/orgs/\(org)/migrations") }
            .count
    }

    /// The folder's manifest entries, as the file holds them.
    private func manifest(_ folder: TemporaryDirectory) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/migdash-manifest.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["archives"] as? [[String: Any]] ?? []
    }

    private func archives(_ folder: TemporaryDirectory, of scope: String) -> [String] {
        folder.files().filter { $0.hasPrefix("\(scope)-migration-") && $0.hasSuffix(".tar.gz") }.sorted()
    }

    @Test("twice within --reuse-within 1h starts one migration, downloads it once, and prints no escape byte")
    func reuse() async throws {
        let simulator = try await SimulatorProcess(arguments: Self.simulatorArguments)
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-backup-reuse")
        let run = try CommandRun()
        let arguments = backup(simulator, folder, ["--org", "octo-org-2", "--reuse-within", "1h"])
        let first = try await run.migdash(arguments)
        #expect(first.status == 0, "\(first.output) \(first.errorOutput)")
        #expect(first.output.contains("backup: 1 of 1 scope saved, 0 reused, 1 started; 0 archives removed"))
        let second = try await run.migdash(arguments + ["--json"])
        #expect(second.status == 0, "\(second.output) \(second.errorOutput)")
        #expect(try await starts(simulator, org: "octo-org-2") == 1, "the second backup reused the first's migration")
        #expect(second.errorOutput.contains("reusing migration"), "\(second.errorOutput)")
        #expect(second.errorOutput.contains("backup: 1 of 1 scope saved, 1 reused, 0 started; 0 archives removed"))
        #expect(archives(folder, of: "octo-org-2").count == 1)
        // --json: the document alone on standard output, compared with what the simulator holds.
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(second.output.utf8)) as? [[String: Any]])
        let row = try #require(rows.first)
        let id = try #require((row["migration_id"] as? NSNumber)?.int64Value)
        let held = try await simulator.api("GET", "/orgs/octo-org-2/migrations/\(id)")
        let migration = try JSONSerialization.jsonObject(with: held.body) as? [String: Any]
        #expect(migration?["state"] as? String == "exported")
        let repositories = try await simulator.api("GET", "/orgs/octo-org-2/repos")
        let count = (try JSONSerialization.jsonObject(with: repositories.body) as? [Any])?.count
        #expect(row["repositories"] as? Int == count)
        #expect(row["outcome"] as? String == "saved" && row["reused"] as? Bool == true)
        #expect((row["archive"] as? String).map { $0.hasPrefix(folder.path + "/octo-org-2-migration-\(id)-") } == true)
        for text in [first.output, first.errorOutput, second.output, second.errorOutput] {
            #expect(!text.contains("\u{1B}"), "no escape byte when piped")
        }
    }

    @Test("--keep 1 removes the scope's older archive once the new one is saved, and nothing else")
    func keep() async throws {
        let simulator = try await SimulatorProcess(arguments: Self.simulatorArguments)
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-backup-keep")
        let run = try CommandRun()
        // Another scope's archives in the same folder, and a file with an archive's name the manifest
        // does not list: neither is --keep's to remove.
        let other = try await run.migdash([
            "download", "--org", "octo-org", "--all-exported", "--output", folder.path, "--api-url", simulator.apiURL,
            "--token-file", CommandRun.simulatorTokenFile,
        ])
        #expect(other.status == 0, "\(other.errorOutput)")
        let others = archives(folder, of: "octo-org")
        #expect(!others.isEmpty)
        let stray = folder.path + "/octo-org-2-migration-1-0123abcd.tar.gz"
        try Data("not listed".utf8).write(to: URL(fileURLWithPath: stray))
        let arguments = backup(simulator, folder, ["--org", "octo-org-2", "--reuse-within", "0", "--keep", "1"])
        let first = try await run.migdash(arguments)
        #expect(first.status == 0, "\(first.output) \(first.errorOutput)")
        let old = archives(folder, of: "octo-org-2").filter { folder.path + "/" + $0 != stray }
        #expect(old.count == 1)
        let second = try await run.migdash(arguments)
        #expect(second.status == 0, "\(second.output) \(second.errorOutput)")
        #expect(try await starts(simulator, org: "octo-org-2") == 2, "--reuse-within 0 starts a new one each time")
        #expect(second.output.contains("backup: 1 of 1 scope saved, 0 reused, 1 started; 1 archive removed"))
        let now = archives(folder, of: "octo-org-2").filter { folder.path + "/" + $0 != stray }
        #expect(now.count == 1 && now != old, "the new archive replaced the old one: \(now) \(old)")
        let lines = second.output.split(separator: "\n").map(String.init)
        let saved = try #require(lines.firstIndex { $0.hasPrefix("saved ") }, "\(second.output)")
        let removed = try #require(lines.firstIndex { $0.contains("removed \(folder.path)/\(old[0])") })
        #expect(saved < removed, "removed only after the new archive was saved and verified")
        #expect(FileManager.default.fileExists(atPath: stray), "a file the manifest does not list stays")
        #expect(archives(folder, of: "octo-org") == others, "another scope's archives stay")
        let names = try manifest(folder).compactMap { $0["name"] as? String }
        #expect(names.filter { $0.hasPrefix("octo-org-2-") } == now)
        #expect(Set(names.filter { !$0.hasPrefix("octo-org-2-") }) == Set(others))
    }

    @Test("--keep 1 keeps the older archive when the new download fails")
    func keepAfterFailure() async throws {
        let simulator = try await SimulatorProcess(arguments: Self.simulatorArguments)
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-backup-fail")
        let run = try CommandRun()
        let arguments = backup(simulator, folder, ["--org", "octo-org-2", "--reuse-within", "0"])
        // Two archives, so a --keep 1 that went ahead without the new one would still remove the older.
        for _ in 0..<2 {
            let earlier = try await run.migdash(arguments)
            #expect(earlier.status == 0, "\(earlier.output) \(earlier.errorOutput)")
        }
        let old = archives(folder, of: "octo-org-2")
        #expect(old.count == 2)
        // The archive's URL is gone by the time the third backup asks for it.
        try await simulator.inject(fault: #"{"kind":"status","status":410,"method":"GET","path":"/archive","count":5}"#)
        let second = try await run.migdash(arguments + ["--keep", "1"])
        #expect(second.status != 0, "\(second.output)")
        #expect(second.errorOutput.contains("migdash: octo-org-2: "), "\(second.errorOutput)")
        #expect(second.output.contains("backup: 0 of 1 scope saved, 0 reused, 1 started; 0 archives removed"))
        #expect(archives(folder, of: "octo-org-2") == old, "the older archive is still there")
        #expect(try manifest(folder).compactMap { $0["name"] as? String }.sorted() == old)
    }

    @Test("a failed export exits 1 naming its scope, and the other scope is still saved")
    func failedExport() async throws {
        let simulator = try await SimulatorProcess(arguments: Self.simulatorArguments)
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-backup-failed")
        let outcome = try await CommandRun().migdash(
            backup(simulator, folder, ["--org", "octo-org", "--org", "octo-org-2"]))
        #expect(outcome.status == 1, "\(outcome.output) \(outcome.errorOutput)")
        #expect(outcome.errorOutput.contains("migdash: octo-org: migration "), "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.contains("failed"), "\(outcome.errorOutput)")
        #expect(outcome.output.contains("backup: 1 of 2 scopes saved, 0 reused, 2 started; 0 archives removed"))
        #expect(archives(folder, of: "octo-org-2").count == 1)
        #expect(archives(folder, of: "octo-org").isEmpty)
        #expect(outcome.errorOutput.contains("--exclude-repo"), "the failure says how to leave a repository out")

        // Leaving the repository out that cannot be exported, the scope is saved, of the others only.
        let fixed = try await CommandRun().migdash(
            backup(simulator, folder, ["--org", "octo-org", "--exclude-repo", "broken-monolith"]))
        #expect(fixed.status == 0, "\(fixed.output) \(fixed.errorOutput)")
        #expect(fixed.output.contains("octo-org: leaving out 1 of "), "\(fixed.output)")
        #expect(archives(folder, of: "octo-org").count == 1)
        let posts = try await simulator.requests().filter {
            $0.method == "POST" && $0.path == "/orgs/octo-org/migrations"
        }
        #expect(posts.count == 2)
    }

    @Test("a 502 to the start is 'may have gone through', exit 1, and the POST is not sent again")
    func lostStart() async throws {
        let simulator = try await SimulatorProcess(arguments: Self.simulatorArguments)
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-backup-lost")
        let run = try CommandRun()
        try await simulator.inject(fault: #"{"kind":"status","status":502,"method":"POST"}"#)
        let arguments = backup(simulator, folder, ["--org", "octo-org-2"])
        let lost = try await run.migdash(arguments)
        #expect(lost.status == 1, "\(lost.output) \(lost.errorOutput)")
        #expect(lost.errorOutput.contains("migdash: octo-org-2: the start of "), "\(lost.errorOutput)")
        #expect(lost.errorOutput.contains("may have gone through"), "\(lost.errorOutput)")
        #expect(try await starts(simulator, org: "octo-org-2") == 1)
        // The simulator's 502 came before the migration was made, so the next run starts one, once.
        let next = try await run.migdash(arguments)
        #expect(next.status == 0, "\(next.output) \(next.errorOutput)")
        #expect(try await starts(simulator, org: "octo-org-2") == 2)
    }

    @Test("a scope without repositories is skipped with a line, not a failure, and nothing is started")
    func emptyScope() async throws {
        // The stand-in's account owns no repositories (`/user/repos` answers `[]`).
        let server = try await HostileServer(scenario: "healthy")
        defer { server.stop() }
        let folder = try TemporaryDirectory(prefix: "migdash-backup-empty")
        let outcome = try await CommandRun().migdash([
            "backup", "--user", "--output", folder.path, "--api-url", server.apiURL, "--token-file",
            CommandRun.simulatorTokenFile,
        ])
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        #expect(outcome.output.contains("user: no repositories; skipped"), "\(outcome.output)")
        #expect(outcome.output.contains("backup: 0 of 1 scope saved, 0 reused, 0 started, 1 empty; 0 archives removed"))
        let requests = try await server.requests()
        #expect(requests.contains { $0.path.hasPrefix("/user/repos") })
        #expect(!requests.contains { $0.method == "POST" })
    }

    @Test("a bad command line exits 2 before anything is asked of GitHub")
    func usage() async throws {
        let run = try CommandRun()
        let folder = try TemporaryDirectory(prefix: "migdash-backup-usage")
        let api = ["--api-url", "http://127.0.0.1:9", "--token-file", CommandRun.simulatorTokenFile]
        for arguments in [
            ["backup", "--output", folder.path],
            ["backup", "--org", "octo-org"],
            ["backup", "--org", "octo-org", "--output", folder.path, "--keep", "0"],
            ["backup", "--org", "octo-org", "--output", folder.path, "--reuse-within", "soon"],
            ["backup", "--org", "../octo-org", "--output", folder.path],
            ["backup", "--user", "--output", folder.path, "--no-such-flag"],
        ] {
            let outcome = try await run.migdash(arguments + api)
            #expect(outcome.status == 2, "\(arguments): \(outcome.errorOutput)")
            #expect(!outcome.errorOutput.isEmpty)
        }
    }
}
