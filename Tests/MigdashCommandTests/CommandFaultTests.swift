import Foundation
import TestSupport
import Testing

/// The issue's faults (502s, a secondary limit, a dropped body) under the headless commands, against
/// one simulator; the JSON they print is compared with what the simulator holds afterwards.
@Suite(
    "The headless commands under the simulator's faults", .serialized, .sharedSimulator(["--export-seconds", "600"]))
struct CommandFaultTests {
    private let run: CommandRun

    init() throws {
        run = try CommandRun()
    }

    private func migdash(_ arguments: [String]) async throws -> ProcessRunner.Outcome {
        let simulator = try SharedSimulator.simulator()
        return try await run.migdash(
            arguments + ["--api-url", simulator.apiURL, "--token-file", CommandRun.simulatorTokenFile])
    }

    /// The log's entries for `method` on exactly `path` (query left out), oldest first.
    private func logged(_ method: String, _ path: String) async throws -> [LoggedRequest] {
        try await SharedSimulator.simulator().requests().filter {
            $0.method == method && $0.path.split(separator: "?").first.map(String.init) == path
        }
    }

    @Test("a 502 on a GET is retried: show exits 0 with what the simulator holds, after a second GET")
    func badGatewayOnRead() async throws {
        let simulator = try SharedSimulator.simulator()
        let path = "/orgs/octo-org/migrations/240505"
        let before = try await logged("GET", path).count
        try await simulator.inject(fault: #"{"kind":"status","status":502,"method":"GET","path":"\#(path)"}"#)
        let outcome = try await migdash(["show", "--org", "octo-org", "240505", "--json"])
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let answers = try await logged("GET", path).dropFirst(before).map(\.status)
        #expect(answers == [502, 200], "\(answers)")
        let held = try JSONValue.object(try await simulator.api("GET", path).body)
        CommandJSON.expectSameMigration(try JSONValue.object(outcome.output), held)
    }

    @Test("a 502 on the POST of start is never repeated: one POST, exit 1, 'may have gone through'")
    func badGatewayOnStart() async throws {
        let simulator = try SharedSimulator.simulator()
        let path = "/orgs/octo-org/migrations"
        let before = try await logged("POST", path).count
        try await simulator.inject(fault: #"{"kind":"status","status":502,"method":"POST","path":"\#(path)"}"#)
        let outcome = try await migdash(["start", "--org", "octo-org", "octo-repo", "--json"])
        #expect(outcome.status == 1, "\(outcome.errorOutput)")
        #expect(try await logged("POST", path).dropFirst(before).map(\.status) == [502])
        let lines = outcome.errorOutput.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("may have gone through"), "\(outcome.errorOutput)")
        #expect(try JSONValue.objects(outcome.output).isEmpty, "none started for sure: \(outcome.output)")
    }

    @Test("a body cut off after the POST of start went through: one POST, exit 1, and the migration is there")
    func droppedBodyOnStart() async throws {
        let simulator = try SharedSimulator.simulator()
        let path = "/user/migrations"
        let held = { try JSONValue.objects(try await simulator.api("GET", path + "?per_page=100").body) }
        let before = try await held().count
        let posts = try await logged("POST", path).count
        try await simulator.inject(fault: #"{"kind":"dropMidBody","method":"POST","path":"\#(path)","afterBytes":20}"#)
        let outcome = try await migdash(["start", "--user", "octocat/dotfiles"])
        #expect(outcome.status == 1, "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.contains("may have gone through"), "\(outcome.errorOutput)")
        #expect(try await logged("POST", path).count == posts + 1, "sent once")
        #expect(try await held().count == before + 1, "it did go through, as the line warned")
    }

    @Test("a list body cut off mid-way is asked again: list --json exits 0 with every migration held")
    func droppedBodyOnList() async throws {
        let simulator = try SharedSimulator.simulator()
        let path = "/orgs/octo-org/migrations"
        try await simulator.inject(fault: #"{"kind":"dropMidBody","method":"GET","path":"\#(path)","afterBytes":100}"#)
        let outcome = try await migdash(["list", "--org", "octo-org", "--json"])
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let listed = try JSONValue.objects(outcome.output)
        let held = try JSONValue.objects(try await simulator.api("GET", path + "?per_page=100").body)
        #expect(listed.count == held.count && !held.isEmpty)
        for migration in held {
            let row = listed.first { CommandJSON.id($0["id"]) == CommandJSON.id(migration["id"]) }
            CommandJSON.expectSameMigration(try #require(row, "\(migration["id"] ?? "?") missing"), migration)
        }
    }

    @Test("a secondary limit on the POST of start is waited out (GitHub did nothing), then one 201 and exit 0")
    func secondaryLimitOnStart() async throws {
        let simulator = try SharedSimulator.simulator()
        let path = "/orgs/octo-org/migrations"
        let before = try await logged("POST", path).count
        try await simulator.inject(fault: #"{"kind":"secondaryRateLimit","retryAfter":1}"#)
        let outcome = try await migdash(["start", "--org", "octo-org", "website", "--json"])
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.contains("waiting 1s for GitHub's secondary rate limit"), "\(outcome.errorOutput)")
        #expect(try await logged("POST", path).dropFirst(before).map(\.status) == [403, 201])
        let started = try #require(try JSONValue.objects(outcome.output).first)
        let id = try #require(CommandJSON.id(started["id"]))
        let held = try JSONValue.object(try await simulator.api("GET", "\(path)/\(id)").body)
        CommandJSON.expectSameMigration(started, held)
    }

    @Test("wait --json, through a 502 and a cut body while polling, ends with what the simulator holds")
    func waitThroughFaults() async throws {
        let simulator = try SharedSimulator.simulator()
        let id = try await simulator.startMigration(org: "octo-org", repositories: ["api-server"])
        let path = "/orgs/octo-org/migrations/\(id)"
        try await simulator.inject(fault: #"{"kind":"status","status":502,"method":"GET","path":"\#(path)"}"#)
        try await simulator.inject(fault: #"{"kind":"dropMidBody","method":"GET","path":"\#(path)","afterBytes":10}"#)
        try await simulator.advance(seconds: 600)
        let outcome = try await migdash(["wait", "--org", "octo-org", String(id), "--json", "--timeout", "5m"])
        #expect(outcome.status == 0, "\(outcome.output) \(outcome.errorOutput)")
        let json = try #require(outcome.output.firstIndex(of: "["), "\(outcome.output)")
        let rows = try JSONValue.objects(String(outcome.output[json...]))
        let held = try JSONValue.object(try await simulator.api("GET", path).body)
        #expect(rows.count == 1 && held["state"] as? String == "exported")
        CommandJSON.expectSameMigration(try #require(rows.first), held)
    }
}
