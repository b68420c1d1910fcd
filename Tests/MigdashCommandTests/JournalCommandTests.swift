import Foundation
import TestSupport
import Testing

/// The journal as the commands keep it: a real SQLite file in a home of the test's own.
@Suite("The journal: commands record what they change; log and history read it back")
struct JournalCommandTests {
    private func connection(_ simulator: SimulatorProcess) -> [String] {
        ["--api-url", simulator.apiURL, "--token-file", CommandRun.simulatorTokenFile]
    }

    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test(
        "start, wait, unlock and delete-archive are in migdash log with GitHub's request ids, and no token is on disk")
    func auditTrail() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "2"])
        defer { simulator.terminate() }
        let run = try CommandRun()
        let started = try await run.migdash(
            ["start", "--org", "octo-org", "website", "--lock", "--json"] + connection(simulator))
        try #require(started.status == 0, "\(started.errorOutput)")
        let rows = try #require(try json(started.output) as? [[String: Any]])
        let id = try #require(rows.first?["id"] as? Int)
        for command in [
            ["wait", "--org", "octo-org", String(id)], ["unlock", "--org", "octo-org", String(id), "--all"],
            ["delete-archive", "--org", "octo-org", String(id), "--yes"],
        ] {
            let outcome = try await run.migdash(command + connection(simulator))
            #expect(outcome.status == 0, "\(command[0]): \(outcome.errorOutput)")
        }
        let log = try await run.migdash(["log", "--json"] + connection(simulator))
        #expect(log.status == 0, "\(log.errorOutput)")
        let entries = try #require(try json(log.output) as? [[String: Any]])
        let mutations = entries.filter { $0["kind"] as? String == "mutation" }
        #expect(mutations.map { $0["method"] as? String } == ["POST", "DELETE", "DELETE"], "\(mutations)")
        #expect(
            mutations.allSatisfy {
                ($0["request_id"] as? String)?.isEmpty == false && $0["login"] as? String == "octocat"
            })
        #expect(mutations.last?["path"] as? String == "/orgs/octo-org/migrations/\(id)/archive")
        #expect(mutations.last?["status"] as? Int == 204)
        #expect(
            entries.contains {
                $0["kind"] as? String == "observation" && ($0["text"] as? String)?.hasSuffix("exported") == true
            })

        let history = try await run.migdash(
            ["history", "--org", "octo-org", String(id), "--json"] + connection(simulator))
        #expect(history.status == 0, "\(history.errorOutput)")
        let document = try #require(try json(history.output) as? [String: Any])
        let states = (document["observations"] as? [[String: Any]] ?? []).compactMap { $0["state"] as? String }
        #expect(states.last == "exported", "\(states)")
        #expect(document["export_finished"] as? Bool == true)
        // The start is the migration's own action, as are the unlock and the delete.
        let actions = (document["actions"] as? [[String: Any]] ?? []).compactMap { $0["method"] as? String }
        #expect(actions == ["POST", "DELETE", "DELETE"], "\(actions)")

        // The file is the home's, 0600, and holds no token (the -wal and -shm too, if there).
        let folder = run.home.path + "/.local/state/migdash"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let journal = try #require(files.first { $0.hasSuffix(".sqlite") }, "\(files)")
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/" + journal)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            #expect(bytes.range(of: Data(SimulatorProcess.defaultToken.utf8)) == nil, "the token is in \(file)")
        }
    }

    @Test("--no-journal keeps none; log without a journal yet is 4; a list changes nothing and writes nothing")
    func noJournal() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let run = try CommandRun()
        let listed = try await run.migdash(["list", "--org", "octo-org"] + connection(simulator))
        #expect(listed.status == 0, "\(listed.errorOutput)")
        let started = try await run.migdash(
            ["start", "--org", "octo-org", "website", "--no-journal"] + connection(simulator))
        #expect(started.status == 0, "\(started.errorOutput)")
        let folder = run.home.path + "/.local/state/migdash"
        #expect(!FileManager.default.fileExists(atPath: folder), "nothing recorded, no file made")
        let log = try await run.migdash(["log"] + connection(simulator))
        #expect(log.status == 4, "\(log.errorOutput)")
        let off = try await run.migdash(["log", "--no-journal"] + connection(simulator))
        #expect(off.status == 2)
    }
}
