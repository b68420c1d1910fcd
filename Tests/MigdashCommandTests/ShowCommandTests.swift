import Foundation
import TestSupport
import Testing

@Suite("migdash show, run as a process against migdash simulate")
struct ShowCommandTests {
    @Test("--json: list's fields plus guid, exclusions and each repository's lock, as the simulator holds them")
    func json() async throws {
        // A slow export clock: the seeded migrations must not change state between the test's look and the command's.
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
        defer { simulator.terminate() }
        let run = try CommandRun()
        let arguments = [
            "show", "--org", "octo-org", "240505", "--json", "--api-url", simulator.apiURL, "--token-file",
            CommandRun.simulatorTokenFile,
        ]
        let outcome = try await run.migdash(arguments)
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        let reply = try await simulator.api("GET", "/orgs/octo-org/migrations/240505")
        let held = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
        #expect(shown["id"] as? Int == 240_505)
        #expect(shown["guid"] as? String == held["guid"] as? String)
        #expect(shown["state"] as? String == held["state"] as? String)
        let locks = try #require(shown["repository_locks"] as? [[String: Any]])
        let names = (held["repositories"] as? [[String: Any]] ?? []).compactMap { $0["full_name"] as? String }
        #expect(locks.compactMap { $0["full_name"] as? String } == names)
        let locked = held["lock_repositories"] as? Bool ?? false
        #expect(locks.allSatisfy { $0["locked_by_migration"] as? Bool == locked })
        #expect(shown["excluded"] is [String] && shown["org_metadata_only"] is Bool)
    }

    @Test("a migration not found exits 4 with one line; the table names the repositories")
    func notFoundAndTable() async throws {
        // A slow export clock: the seeded migrations must not change state between the test's look and the command's.
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
        defer { simulator.terminate() }
        let run = try CommandRun()
        let base = ["--api-url", simulator.apiURL, "--token-file", CommandRun.simulatorTokenFile]
        let missing = try await run.migdash(["show", "--org", "octo-org", "999999"] + base)
        #expect(missing.status == 4)
        #expect(missing.errorOutput.split(separator: "\n").count == 1, "\(missing.errorOutput)")
        let table = try await run.migdash(["show", "--user", "240504"] + base)
        #expect(table.status == 0, "\(table.errorOutput)")
        #expect(table.output.hasPrefix("migration 240504 (user)"), "\(table.output)")
        #expect(table.output.contains("repositories (2)"), "\(table.output)")
    }
}
