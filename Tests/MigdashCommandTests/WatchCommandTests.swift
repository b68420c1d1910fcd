import Foundation
import TestSupport
import Testing

@Suite("migdash watch, run as a process against migdash simulate")
struct WatchCommandTests {
    private func watch(_ simulator: SimulatorProcess, _ more: [String]) -> [String] {
        ["watch", "--api-url", simulator.apiURL, "--token-file", CommandRun.simulatorTokenFile] + more
    }

    private func launch(_ arguments: [String], _ run: CommandRun) throws -> ProcessRunner.Launched {
        try ProcessRunner.launch(try MigdashBinary.path, arguments, environment: run.environment)
    }

    /// The NDJSON lines printed so far, parsed; a line that is not one JSON object fails the test.
    private func events(_ watch: ProcessRunner.Launched) throws -> [[String: Any]] {
        try watch.output.text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    private func waitFor(
        _ what: String, in watch: ProcessRunner.Launched, timeout: Duration,
        _ match: @escaping ([String: Any]) -> Bool
    ) async throws -> [String: Any] {
        try await Polling.until(what, timeout: timeout, every: .milliseconds(100)) {
            if watch.exit.hasEnded { throw TestSupportError.unexpectedResponse("watch ended: \(watch.errors.text)") }
            return try events(watch).contains(where: match)
        }
        return try events(watch).first(where: match)!
    }

    @Test("--ndjson: ready, then a migration started elsewhere and its export, within the poll planner's budget")
    func reportsChanges() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "4"])
        defer { simulator.terminate() }
        let run = try CommandRun()
        let watch = try launch(watch(simulator, ["--org", "octo-org", "--ndjson"]), run)
        defer { kill(watch.processID, SIGKILL) }
        let ready = try await waitFor("ready", in: watch, timeout: .seconds(60)) { $0["event"] as? String == "ready" }
        #expect((ready["migrations"] as? Int ?? 0) > 0)
        let before = try await simulator.requests().count
        let startedAt = ContinuousClock.now
        let id = try await simulator.startMigration(org: "octo-org", repositories: ["octo-repo"])
        // Page 1 of every scope is read every 30 s (docs/performance.md: started elsewhere, on screen within 60 s).
        let new = try await waitFor("migration_new \(id)", in: watch, timeout: .seconds(90)) {
            $0["event"] as? String == "migration_new" && $0["id"] as? Int == id
        }
        #expect(new["organization"] as? String == "octo-org" && new["scope"] as? String == "organization")
        #expect(new["repositories"] as? [String] == ["octo-org/octo-repo"])
        // On a loaded machine the first sight may already be the end: then there is no change to report.
        let exported =
            new["state"] as? String == "exported"
            ? new
            : try await waitFor("exported \(id)", in: watch, timeout: .seconds(90)) {
                $0["event"] as? String == "migration_state" && $0["id"] as? Int == id
                    && $0["state"] as? String == "exported"
            }
        #expect((exported["at"] as? String)?.hasSuffix("Z") == true)
        let elapsed = ContinuousClock.now - startedAt
        #expect(elapsed < .seconds(75), "a new migration and its export reported in \(elapsed)")
        // Within the default budget of 60 requests a minute (plus the start this test sent).
        let sent = try await simulator.requests().count - before - 1
        let minutes = max(Double(elapsed.components.seconds) / 60, 1)
        #expect(Double(sent) <= 60 * minutes + 5, "\(sent) requests in \(elapsed)")
        #expect(kill(watch.processID, SIGTERM) == 0)
        #expect(await watch.exit.wait() == 143)
    }

    @Test("--auto-download: an archive exported while watched is downloaded, verified and reported done")
    func autoDownload() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "2"])
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-watch-download")
        let arguments = watch(simulator, ["--org", "octo-org", "--ndjson", "--auto-download", "--output", folder.path])
        let watch = try launch(arguments, try CommandRun())
        defer { kill(watch.processID, SIGKILL) }
        _ = try await waitFor("ready", in: watch, timeout: .seconds(60)) { $0["event"] as? String == "ready" }
        let id = try await simulator.startMigration(org: "octo-org", repositories: ["website"])
        let done = try await waitFor("download_done \(id)", in: watch, timeout: .seconds(120)) {
            ["download_done", "download_failed"].contains($0["event"] as? String) && $0["id"] as? Int == id
        }
        #expect(done["event"] as? String == "download_done", "\(done)")
        let path = try #require(done["path"] as? String)
        #expect(path.hasPrefix(folder.path) && FileManager.default.fileExists(atPath: path))
        let manifest = try String(contentsOfFile: folder.path + "/migdash-manifest.json", encoding: .utf8)
        #expect(manifest.contains(String(id)))
        #expect(kill(watch.processID, SIGTERM) == 0)
        #expect(await watch.exit.wait() == 143)
    }

    @Test("Without --ndjson: one readable line per event and no escape codes; SIGINT ends it with 130")
    func plainLines() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let watch = try launch(watch(simulator, ["--user"]), try CommandRun())
        defer { kill(watch.processID, SIGKILL) }
        try await Polling.until("the ready line", timeout: .seconds(60), every: .milliseconds(100)) {
            watch.output.text.contains("watching: ") || watch.exit.hasEnded
        }
        #expect(kill(watch.processID, SIGINT) == 0)
        let outcome = await watch.outcome()
        #expect(outcome.status == 130, "\(outcome.errorOutput)")
        #expect(outcome.output.hasSuffix("\n") && !outcome.output.contains("\u{1B}"))
        #expect(outcome.output.split(separator: "\n").allSatisfy { $0.contains("Z  ") }, "\(outcome.output)")
    }

    @Test("watch | head -1: the watch ends with 141 as soon as its reader goes, not at its next event")
    func readerGone() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let line = try CommandRun.shellLine(watch(simulator, ["--org", "octo-org", "--ndjson"]))
        let started = ContinuousClock.now
        let outcome = try await ProcessRunner.run(
            "/bin/bash", ["-c", line + #" | head -1; echo "status ${PIPESTATUS[0]}""#],
            environment: try CommandRun().environment)
        #expect(outcome.output.contains(#""event":"ready""#), "\(outcome.output) \(outcome.errorOutput)")
        #expect(outcome.output.hasSuffix("status 141\n"), "\(outcome.output)")
        // Without the check the watch runs on until its next event (an import changing, tens of seconds on).
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test("Exit 3 when GitHub refuses the token, 2 for an address that is not HOST:PORT or is taken")
    func failures() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let run = try CommandRun()
        let badToken = try run.file("bad-token", "not-the-token\n")
        let refused = try await run.migdash([
            "watch", "--api-url", simulator.apiURL, "--token-file", badToken, "--ndjson",
        ])
        #expect(refused.status == 3, "\(refused.errorOutput)")
        #expect(refused.output.contains(#""event":"connection_lost""#), "\(refused.output)")
        let malformed = try await run.migdash(watch(simulator, ["--metrics-listen", "9464"]))
        #expect(malformed.status == 2)
        let port = try #require(URL(string: simulator.apiURL)?.port)
        let taken = try await run.migdash(watch(simulator, ["--metrics-listen", "127.0.0.1:\(port)"]))
        #expect(taken.status == 2)
        #expect(taken.errorOutput == "migdash: cannot listen on 127.0.0.1:\(port): the address is in use\n")
    }
}
