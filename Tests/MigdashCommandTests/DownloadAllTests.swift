import Foundation
import TestSupport
import Testing

@Suite("migdash download --all-exported, run as a process against migdash simulate")
struct DownloadAllTests {
    @Test("every exported archive not yet saved, then nothing the second time; --all-exported with an id is usage")
    func allExported() async throws {
        // A slow export clock: the seeded migrations must not change state between the test's look and the command's.
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-cli-all")
        let run = try CommandRun()
        let arguments = [
            "download", "--org", "octo-org", "--all-exported", "--output", folder.path, "--api-url", simulator.apiURL,
            "--token-file", CommandRun.simulatorTokenFile,
        ]
        let reply = try await simulator.api("GET", "/orgs/octo-org/migrations?per_page=100")
        let held = try JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]] ?? []
        let exported = held.filter { $0["state"] as? String == "exported" }.count
        #expect(exported > 1, "the seeded world has several exported archives")
        let first = try await run.migdash(arguments)
        #expect(first.status == 0, "\(first.errorOutput)")
        #expect(
            first.output.contains("\(exported) of \(exported) exported archives of octo-org saved"), "\(first.output)")
        #expect(folder.files().filter { $0.hasSuffix(".tar.gz") }.count == exported)
        let second = try await run.migdash(arguments)
        #expect(second.status == 0, "\(second.errorOutput)")
        #expect(second.output.contains("0 of 0 exported archives of octo-org saved"), "\(second.output)")
        let both = try await run.migdash(arguments + ["240501"])
        #expect(both.status == 2)
    }

    @Test("an archive deleted at GitHub (still listed as exported) is said and skipped, not a failure every night")
    func goneArchive() async throws {
        // A slow export clock: the seeded migrations must not change state between the test's look and the command's.
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-cli-gone")
        let run = try CommandRun()
        let reply = try await simulator.api("GET", "/orgs/octo-org/migrations?per_page=100")
        let held = try JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]] ?? []
        let exported = held.filter { $0["state"] as? String == "exported" }.compactMap { $0["id"] as? Int }
        let deleted = try #require(exported.first)
        try await simulator.api("DELETE", "/orgs/octo-org/migrations/\(deleted)/archive").expect(204, "DELETE archive")
        let outcome = try await run.migdash([
            "download", "--org", "octo-org", "--all-exported", "--output", folder.path, "--api-url", simulator.apiURL,
            "--token-file", CommandRun.simulatorTokenFile,
        ])
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let total = exported.count
        #expect(
            outcome.output.contains("\(total - 1) of \(total) exported archives of octo-org saved; 1 gone: \(deleted)"),
            "\(outcome.output)")
        #expect(outcome.errorOutput.contains("\(deleted): the archive is gone"), "\(outcome.errorOutput)")
    }
}
