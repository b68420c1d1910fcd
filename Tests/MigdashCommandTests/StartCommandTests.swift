import Foundation
import TestSupport
import Testing

@Suite("migdash start, run as a process against migdash simulate")
struct StartCommandTests {
    private func start(_ simulator: SimulatorProcess, _ more: [String]) -> [String] {
        ["start", "--api-url", simulator.apiURL, "--token-file", CommandRun.simulatorTokenFile] + more
    }

    @Test("--per-repository starts one each, a second apart, and --json prints them with the flags asked for")
    func perRepository() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
        defer { simulator.terminate() }
        let arguments = ["--org", "octo-org", "octo-repo", "website", "--per-repository", "--lock", "--json"]
        let outcome = try await CommandRun().migdash(start(simulator, arguments))
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["repositories"] as? [String] } == [["octo-org/octo-repo"], ["octo-org/website"]])
        #expect(rows.allSatisfy { $0["lock_repositories"] as? Bool == true })
        let posts = try await simulator.requests().filter { $0.method == "POST" }
        #expect(posts.count == 2, "one POST each, never repeated")
    }

    @Test("a 502 to the start is 'may have gone through', exit 1, and the POST is not sent again")
    func lostAnswer() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        try await simulator.inject(fault: #"{"kind":"status","status":502,"method":"POST"}"#)
        let outcome = try await CommandRun().migdash(start(simulator, ["--org", "octo-org", "octo-repo"]))
        #expect(outcome.status == 1, "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.contains("may have gone through"), "\(outcome.errorOutput)")
        let posts = try await simulator.requests().filter { $0.method == "POST" }
        #expect(posts.count == 1)
    }

    @Test("a repository GitHub does not know is refused (exit 1 with GitHub's reason), and nothing is started")
    func refused() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let outcome = try await CommandRun().migdash(start(simulator, ["--org", "octo-org", "no-such-repo"]))
        #expect(outcome.status != 0, "\(outcome.output)")
        #expect(outcome.errorOutput.split(separator: "\n").count == 1, "\(outcome.errorOutput)")
    }
}
