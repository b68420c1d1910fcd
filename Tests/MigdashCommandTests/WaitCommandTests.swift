import Foundation
import TestSupport
import Testing

@Suite("migdash wait, run as a process against migdash simulate")
struct WaitCommandTests {
    private func wait(_ simulator: SimulatorProcess, _ more: [String]) -> [String] {
        ["wait", "--api-url", simulator.apiURL, "--token-file", CommandRun.simulatorTokenFile] + more
    }

    @Test("exit 0 once every migration is exported, a line per change, and --json the migrations at the end")
    func exported() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "3"])
        defer { simulator.terminate() }
        let id = try await simulator.startMigration(org: "octo-org", repositories: ["octo-repo"])
        let outcome = try await CommandRun().migdash(wait(simulator, ["--org", "octo-org", String(id), "--json"]))
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        // With --json and no terminal, standard output is the JSON document alone and nothing else is said.
        #expect(outcome.errorOutput.isEmpty, "\(outcome.errorOutput)")
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [[String: Any]], "\(outcome.output)")
        #expect(rows.first?["state"] as? String == "exported")
    }

    @Test("exit 1 when a migration fails, naming it")
    func failed() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "3"])
        defer { simulator.terminate() }
        let id = try await simulator.startMigration(org: "octo-org", repositories: ["broken-monolith"])
        let outcome = try await CommandRun().migdash(wait(simulator, ["--org", "octo-org", String(id)]))
        #expect(outcome.status == 1, "\(outcome.output) \(outcome.errorOutput)")
        #expect(outcome.errorOutput.contains("failed: \(id)"), "\(outcome.errorOutput)")
        // Without --json, a line per change on standard output, the last one the failure.
        let lines = outcome.output.split(separator: "\n").map(String.init)
        #expect(lines.last?.hasPrefix("\(id) octo-org") == true && lines.last?.hasSuffix("failed") == true, "\(lines)")
    }

    @Test("exit 124 when --timeout runs out, 4 for a migration not found, 2 for a duration that is not one")
    func timeoutAndErrors() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
        defer { simulator.terminate() }
        let run = try CommandRun()
        let id = try await simulator.startMigration(org: "octo-org", repositories: ["octo-repo"])
        let started = ContinuousClock.now
        let slow = try await run.migdash(wait(simulator, ["--org", "octo-org", String(id), "--timeout", "2s"]))
        #expect(slow.status == 124, "\(slow.errorOutput)")
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(slow.errorOutput.contains("timed out waiting for \(id)"))
        let missing = try await run.migdash(wait(simulator, ["--org", "octo-org", "999999"]))
        #expect(missing.status == 4, "\(missing.errorOutput)")
        let bad = try await run.migdash(wait(simulator, ["--org", "octo-org", String(id), "--timeout", "soon"]))
        #expect(bad.status == 2)
    }
}
