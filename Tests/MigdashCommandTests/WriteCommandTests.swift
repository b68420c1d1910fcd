import Foundation
import TestSupport
import Testing

@Suite("migdash unlock and migdash delete-archive, run as processes against migdash simulate")
struct WriteCommandTests {
    private func base(_ simulator: SimulatorProcess) -> [String] {
        ["--api-url", simulator.apiURL, "--token-file", CommandRun.simulatorTokenFile]
    }

    @Test("unlock --repo NAME finds the migrations that locked it and unlocks it from each; a name none locked exits 4")
    func unlockByName() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
        defer { simulator.terminate() }
        let run = try CommandRun()
        let lockers = try await run.migdash(["list", "--org", "octo-org", "--json"] + base(simulator))
        let rows = try JSONSerialization.jsonObject(with: Data(lockers.output.utf8)) as? [[String: Any]] ?? []
        let expected = rows.filter {
            $0["lock_repositories"] as? Bool == true
                && ($0["repositories"] as? [String] ?? []).contains("octo-org/octo-repo")
        }.compactMap { ($0["id"] as? NSNumber)?.intValue }
        let outcome = try await run.migdash(["unlock", "--org", "octo-org", "--repo", "octo-repo"] + base(simulator))
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let deletes = try await simulator.requests().filter { $0.method == "DELETE" }.map(\.path)
        #expect(Set(deletes) == Set(expected.map { "/orgs/octo-org/migrations/\($0)/repos/octo-repo/lock" }))
        #expect(!expected.isEmpty, "the seeded world has a migration that locked octo-repo")
        #expect(expected.allSatisfy { outcome.output.contains("(migration \($0))") }, "\(outcome.output)")
        let none = try await run.migdash(["unlock", "--org", "octo-org", "--repo", "no-such-repo"] + base(simulator))
        #expect(none.status == 4, "\(none.errorOutput)")
    }

    @Test("unlock ID REPO: a dot-segment name cannot reach another route")
    func unlockDotName() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let outcome = try await CommandRun().migdash(["unlock", "--org", "octo-org", "240507", ".."] + base(simulator))
        let deletes = try await simulator.requests().filter { $0.method == "DELETE" }.map(\.path)
        #expect(deletes == ["/orgs/octo-org/migrations/240507/repos/%2E%2E/lock"], "\(deletes) \(outcome.errorOutput)")
    }

    @Test("delete-archive refuses without a terminal unless --yes; with it, deletes; a second time exits 4")
    func deleteArchive() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let run = try CommandRun()
        let refused = try await run.migdash(["delete-archive", "--org", "octo-org", "240501"] + base(simulator))
        #expect(refused.status == 2, "\(refused.errorOutput)")
        #expect(refused.errorOutput.contains("--yes"))
        #expect(try await simulator.requests().filter { $0.method == "DELETE" }.isEmpty, "nothing deleted unasked")
        let deleted = try await run.migdash(
            ["delete-archive", "--org", "octo-org", "240501", "--yes"] + base(simulator))
        #expect(deleted.status == 0, "\(deleted.errorOutput)")
        #expect(deleted.output.contains("deleted the archive of octo-org #240501"))
        let again = try await run.migdash(["delete-archive", "--org", "octo-org", "240501", "--yes"] + base(simulator))
        #expect(again.status == 4, "\(again.output) \(again.errorOutput)")
    }
}
