import Foundation
import TestSupport
import Testing

/// Faults that take real time: an answer stalled past the client's 30-second deadline, and a signed
/// archive URL that expires while the archive is on its way. The stall tests touch different
/// requests (and start nothing but the one POST counted), so they run side by side.
@Suite("Stalls past the deadline and expiring archive URLs under the headless commands", .sharedSimulator())
struct SlowFaultTests {
    private func migdash(_ arguments: [String], _ simulator: SimulatorProcess) async throws -> ProcessRunner.Outcome {
        try await CommandRun().migdash(
            arguments + ["--api-url", simulator.apiURL, "--token-file", CommandRun.simulatorTokenFile])
    }

    @Test("a GET stalled past the deadline is asked again: show exits 0 with what the simulator holds")
    func stalledRead() async throws {
        let simulator = try SharedSimulator.simulator()
        let path = "/user/migrations/240502"
        try await simulator.inject(fault: #"{"kind":"stall","seconds":35,"method":"GET","path":"\#(path)"}"#)
        let outcome = try await migdash(["show", "--user", "240502", "--json"], simulator)
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let held = try JSONValue.object(try await simulator.api("GET", path).body)
        CommandJSON.expectSameMigration(try JSONValue.object(outcome.output), held)
    }

    @Test("a POST of start stalled past the deadline is not sent again; exit 1, and it did go through")
    func stalledStart() async throws {
        let simulator = try SharedSimulator.simulator()
        let path = "/orgs/octo-org/migrations"
        let listed = { try JSONValue.objects(try await simulator.api("GET", path + "?per_page=100").body).count }
        let before = try await listed()
        try await simulator.inject(fault: #"{"kind":"stall","seconds":33,"method":"POST","path":"\#(path)"}"#)
        let outcome = try await migdash(["start", "--org", "octo-org", "legacy-svn"], simulator)
        #expect(outcome.status == 1, "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.contains("may have gone through"), "\(outcome.errorOutput)")
        // The simulator carries on once the stall is over, as GitHub would: the start was real.
        try await Polling.until("the stalled start to land", timeout: .seconds(60)) { try await listed() == before + 1 }
        let posts = try await simulator.requests().filter { $0.method == "POST" && $0.path == path }
        #expect(posts.count == 1, "sent once")
    }

    @Test("wait --timeout 3s ends with 124 on time while an answer is stalled, not when the answer comes")
    func timeoutDuringStall() async throws {
        let simulator = try SharedSimulator.simulator()
        // The seeded 240507, still exporting: no POST of this test's that stalledStart could count.
        let id = 240_507
        let path = "/orgs/octo-org/migrations/\(id)"
        try await simulator.inject(fault: #"{"kind":"stall","seconds":40,"method":"GET","path":"\#(path)"}"#)
        let started = ContinuousClock.now
        let outcome = try await migdash(["wait", "--org", "octo-org", String(id), "--timeout", "3s"], simulator)
        let took = ContinuousClock.now - started
        #expect(outcome.status == 124, "\(outcome.errorOutput)")
        #expect(outcome.errorOutput == "migdash: timed out waiting for \(id)\n", "\(outcome.errorOutput)")
        #expect(took < .seconds(20), "took \(took) for a 3-second timeout")
    }

    @Test("an archive URL that expires mid-download: a fresh one from the API, exit 0, an archive that verifies")
    func expiredArchiveURL() async throws {
        // Its own simulator: URLs live a second, and the storage is paced so the cut comes after that.
        let simulator = try await SimulatorProcess(
            arguments: ["--archive-url-lifetime", "1", "--storage-kilobytes-per-second", "1000"],
            timeout: .seconds(60))
        defer { simulator.terminate() }
        try await simulator.inject(fault: #"{"kind":"dropMidBody","listener":"storage","afterBytes":2500000}"#)
        let folder = try TemporaryDirectory(prefix: "migdash-cli-expired")
        let outcome = try await migdash(
            ["download", "--org", "octo-org", "240498", "--output", folder.path], simulator)
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let log = try await simulator.requests()
        #expect(log.contains { $0.status == 403 }, "the storage refused the expired URL")
        let archiveAsks = log.filter { $0.method == "GET" && $0.path.hasSuffix("/240498/archive") }
        // At least one fresh URL; more when a loaded machine lets a one-second URL lapse on the way too.
        #expect(archiveAsks.count >= 2, "a fresh URL asked for: \(archiveAsks)")
        let name = try #require(folder.files().first { $0.hasSuffix(".tar.gz") })
        let inspected = try await CommandRun().migdash(["inspect", folder.path + "/" + name])
        #expect(inspected.status == 0, "\(inspected.output)")
        #expect(inspected.output.contains("matches"), "\(inspected.output)")
    }
}
