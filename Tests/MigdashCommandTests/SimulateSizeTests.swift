import Foundation
import TestSupport
import Testing

@Suite("migdash simulate --orgs and --migrations: bounded, one line beyond, and wired to the world")
struct SimulateSizeTests {
    @Test("--orgs outside 1-1000 or --migrations outside 0-200000: one line and exit 2")
    func outOfBounds() async throws {
        let run = try CommandRun()
        let cases: [([String], String)] = [
            (["--orgs", "0"], "--orgs must be from 1 to 1000, not 0."),
            (["--orgs", "1001"], "--orgs must be from 1 to 1000, not 1001."),
            (["--migrations=-1"], "--migrations must be from 0 to 200000, not -1."),
            (["--migrations", "200001"], "--migrations must be from 0 to 200000, not 200001."),
        ]
        for (arguments, line) in cases {
            let outcome = try await run.migdash(["simulate", "--port", "0"] + arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.errorOutput == "migdash: \(line)\n", "\(arguments)")
            #expect(outcome.output.isEmpty, "\(arguments)")
        }
    }

    @Test("--orgs 3 --migrations 30: octocat owns octo-org, octo-org-2 and octo-org-3, ten migrations each")
    func wired() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--orgs", "3", "--migrations", "30"])
        defer { simulator.terminate() }
        let orgs = try await simulator.api("GET", "/user/orgs")
        let logins = try #require(try JSONSerialization.jsonObject(with: orgs.body) as? [[String: Any]])
            .compactMap { $0["login"] as? String }
        #expect(logins == ["octo-org", "octo-org-2", "octo-org-3", "other-org"])
        for org in ["octo-org-2", "octo-org-3"] {
            let list = try await simulator.api("GET", "/orgs/\(org)/migrations")
            let items = try #require(try JSONSerialization.jsonObject(with: list.body) as? [Any], "\(org)")
            #expect(items.count == 10, "\(org)")
        }
    }
}
