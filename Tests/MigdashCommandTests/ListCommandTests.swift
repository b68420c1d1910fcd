import Foundation
import TestSupport
import Testing

@Suite("migdash list, run as a process against migdash simulate")
struct ListCommandTests {
    private func list(_ simulator: SimulatorProcess, _ more: [String]) -> [String] {
        ["list", "--api-url", simulator.apiURL, "--token-file", CommandRun.simulatorTokenFile] + more
    }

    /// The ids and states GitHub (the simulator) holds for a list path.
    private func held(_ simulator: SimulatorProcess, _ path: String) async throws -> [Int: String] {
        let reply = try await simulator.api("GET", path + "?per_page=100")
        let objects = try JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]] ?? []
        var states: [Int: String] = [:]
        for object in objects {
            if let id = (object["id"] as? NSNumber)?.intValue, let state = object["state"] as? String {
                states[id] = state
            }
        }
        return states
    }

    @Test("--json lists the user's and every owned organization's migrations, newest first, every field present")
    func json() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
        defer { simulator.terminate() }
        let run = try CommandRun()
        let outcome = try await run.migdash(list(simulator, ["--json"]))
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [[String: Any]])
        let expected = try await held(simulator, "/user/migrations")
            .merging(try await held(simulator, "/orgs/octo-org/migrations")) { a, _ in a }
        var listed: [Int: String] = [:]
        for row in rows {
            listed[(row["id"] as? NSNumber)?.intValue ?? -1] = row["state"] as? String
            let keys = Set(row.keys)
            #expect(
                keys == [
                    "id", "scope", "organization", "state", "repositories", "lock_repositories", "created_at",
                    "updated_at", "archive_expires_at", "downloaded_to",
                ], "\(keys)")
        }
        #expect(listed == expected)
        let created = rows.compactMap { $0["created_at"] as? String }
        #expect(created == created.sorted(by: >), "newest first")
        #expect(created.allSatisfy { $0.hasSuffix("Z") && $0.count == 20 }, "RFC 3339 in UTC: \(created)")
        let exported = rows.filter { $0["state"] as? String == "exported" }
        #expect(exported.allSatisfy { $0["archive_expires_at"] is String })
        #expect(rows.filter { $0["state"] as? String == "failed" }.allSatisfy { $0["archive_expires_at"] is NSNull })
    }

    @Test("--state and --user narrow the list; --csv has a header and one line each")
    func filters() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
        defer { simulator.terminate() }
        let run = try CommandRun()
        let failed = try await run.migdash(list(simulator, ["--json", "--state", "failed"]))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(failed.output.utf8)) as? [[String: Any]])
        let expected = try await held(simulator, "/user/migrations").merging(
            try await held(simulator, "/orgs/octo-org/migrations")
        ) { a, _ in a }
        #expect(rows.count == expected.values.filter { $0 == "failed" }.count)
        let csv = try await run.migdash(list(simulator, ["--csv", "--user"]))
        let lines = csv.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,scope,organization,state,repositories,") == true)
        #expect(lines.count == 1 + (try await held(simulator, "/user/migrations")).count)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",user,,") })
    }

    @Test("exit status: 3 for a refused token, 4 for an organization not found, 6 unreachable, 2 usage")
    func exitStatuses() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let run = try CommandRun()
        let bad = try run.file("bad-token", "not-the-token\n")
        let refused = try await run.migdash(["list", "--api-url", simulator.apiURL, "--token-file", bad])
        #expect(refused.status == 3, "\(refused.errorOutput)")
        let missing = try await run.migdash(list(simulator, ["--org", "no-such-org"]))
        #expect(missing.status == 4, "\(missing.errorOutput)")
        #expect(missing.errorOutput.split(separator: "\n").count == 1, "one line: \(missing.errorOutput)")
        let away = try await run.migdash(["list", "--api-url", "http://127.0.0.1:1", "--token-file", bad])
        #expect(away.status == 6, "\(away.errorOutput)")
        let both = try await run.migdash(list(simulator, ["--json", "--csv"]))
        #expect(both.status == 2)
    }

    @Test("a reader that goes away (| true) ends it quietly with 141, as SIGPIPE would, not a crash")
    func brokenPipe() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let run = try CommandRun()
        let line = try CommandRun.shellLine(list(simulator, ["--csv"]))
        let outcome = try await ProcessRunner.run(
            "/bin/bash", ["-c", "\(line) | true; echo \"status=${PIPESTATUS[0]}\""], environment: run.environment)
        #expect(outcome.output.contains("status=141"), "\(outcome.output) \(outcome.errorOutput)")
        #expect(!outcome.errorOutput.contains("crashed") && !outcome.errorOutput.contains("Fatal error"))
    }
}
