import Foundation
import TestSupport
import Testing

/// Each row of docs/cli.md's exit-status table, reached by the real binary against one simulator, over
/// the headless commands between them. Serialized: the faults a test queues are its own.
@Suite(
    "Every row of the exit-status table, from the real binary against migdash simulate", .serialized,
    .sharedSimulator(["--export-seconds", "600"]))
struct ExitStatusTableTests {
    private let run: CommandRun

    init() throws {
        run = try CommandRun()
    }

    /// Runs `migdash ARGUMENTS --api-url SIM --token-file FILE`.
    private func migdash(_ arguments: [String], tokenFile: String = CommandRun.simulatorTokenFile) async throws
        -> ProcessRunner.Outcome
    {
        try await run.migdash(
            arguments + ["--api-url", try SharedSimulator.simulator().apiURL, "--token-file", tokenFile])
    }

    @Test("0: show --json holds what the simulator holds for the migration")
    func done() async throws {
        let simulator = try SharedSimulator.simulator()
        let outcome = try await migdash(["show", "--org", "octo-org", "240501", "--json"])
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let shown = try JSONValue.object(outcome.output)
        let held = try JSONValue.object(try await simulator.api("GET", "/orgs/octo-org/migrations/240501").body)
        CommandJSON.expectSameMigration(shown, held)
        #expect(outcome.errorOutput.isEmpty)
    }

    @Test("1: a download of a failed migration, and inspect of an archive that does not verify")
    func failed() async throws {
        let outcome = try await migdash(["download", "--org", "octo-org", "240493", "--output", run.home.path])
        #expect(outcome.status == 1, "\(outcome.errorOutput)")
        #expect(outcome.errorOutput == "migdash: migration 240493 of octo-org failed; it has no archive.\n")
        let corrupt = try run.file("corrupt.tar.gz", "not a gzip stream at all")
        let inspected = try await run.migdash(["inspect", corrupt])
        #expect(inspected.status == 1, "\(inspected.output) \(inspected.errorOutput)")
    }

    @Test("2: delete-archive without a terminal and without --yes refuses, and deletes nothing")
    func usage() async throws {
        let simulator = try SharedSimulator.simulator()
        let outcome = try await migdash(["delete-archive", "--org", "octo-org", "240498"])
        #expect(outcome.status == 2, "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.split(separator: "\n").count == 1, "\(outcome.errorOutput)")
        #expect(try await simulator.api("GET", "/orgs/octo-org/migrations/240498/archive").status == 302)
        let both = try await migdash(["show", "--org", "octo-org", "--user", "240498"])
        #expect(both.status == 2, "\(both.errorOutput)")
    }

    @Test("3: a wrong token (401) for show, start, wait and download; a 403 for list")
    func denied() async throws {
        let simulator = try SharedSimulator.simulator()
        let wrong = try run.file("wrong-token", "not-the-token\n")
        let commands = [
            ["show", "--org", "octo-org", "240498"], ["start", "--org", "octo-org", "octo-repo"],
            ["wait", "--org", "octo-org", "240498"],
            ["download", "--org", "octo-org", "240498", "--output", run.home.path],
        ]
        for command in commands {
            let outcome = try await migdash(command, tokenFile: wrong)
            #expect(outcome.status == 3, "\(command[0]): \(outcome.errorOutput)")
            #expect(outcome.errorOutput.hasPrefix("migdash: GitHub did not accept the token"), "\(outcome.errorOutput)")
            #expect(!outcome.errorOutput.contains("not-the-token"))
        }
        #expect(try await simulator.requests().contains { $0.method == "POST" && $0.status == 401 }, "start refused")
        try await simulator.inject(fault: #"{"kind":"status","status":403,"method":"GET","path":"/orgs/octo-org"}"#)
        let forbidden = try await migdash(["list", "--org", "octo-org"])
        #expect(forbidden.status == 3, "\(forbidden.errorOutput)")
    }

    @Test("4: a migration not found, a 410 for the archive, an archive deleted on GitHub, a file not there")
    func notFound() async throws {
        let simulator = try SharedSimulator.simulator()
        let missing = try await migdash(["show", "--org", "octo-org", "999999"])
        #expect(missing.status == 4, "\(missing.errorOutput)")
        let folder = try TemporaryDirectory(prefix: "migdash-cli-gone")
        let download = ["download", "--org", "octo-org", "240490", "--output", folder.path]
        try await simulator.inject(fault: #"{"kind":"status","status":410,"method":"GET","path":"/240490/archive"}"#)
        let gone = try await migdash(download)
        #expect(gone.status == 4, "\(gone.errorOutput)")
        #expect(gone.errorOutput.split(separator: "\n").count == 1, "\(gone.errorOutput)")
        let deleted = try await migdash(["delete-archive", "--org", "octo-org", "240490", "--yes"])
        #expect(deleted.status == 0, "\(deleted.errorOutput)")
        let afterDelete = try await migdash(download)
        #expect(afterDelete.status == 4, "\(afterDelete.errorOutput)")
        #expect(folder.files().isEmpty, "no partial file left: \(folder.files())")
        let absent = try await run.migdash(["inspect", folder.path + "/nothing.tar.gz"])
        #expect(absent.status == 4, "\(absent.errorOutput)")
        #expect(absent.errorOutput.hasPrefix("migdash: Cannot open"), "\(absent.errorOutput)")
    }

    @Test("5: a spent primary limit, and a secondary limit still in force after the client's three waits")
    func rateLimited() async throws {
        let simulator = try SharedSimulator.simulator()
        try await simulator.inject(fault: #"{"kind":"primaryRateLimit"}"#)
        let primary = try await migdash(["list", "--org", "octo-org"])
        #expect(primary.status == 5, "\(primary.errorOutput)")
        #expect(primary.errorOutput.hasPrefix("migdash: Rate limit spent"), "\(primary.errorOutput)")
        // The client waits out Retry-After (at most 15 minutes each) three times, then gives up.
        try await simulator.inject(fault: #"{"kind":"secondaryRateLimit","retryAfter":1,"count":4}"#)
        let secondary = try await migdash(["download", "--org", "octo-org", "240498", "--output", run.home.path])
        #expect(secondary.status == 5, "\(secondary.errorOutput)")
        let waits = secondary.errorOutput.split(separator: "\n").filter {
            $0.contains("waiting 1s for GitHub's secondary")
        }
        #expect(waits.count == 3, "\(secondary.errorOutput)")
        #expect(secondary.errorOutput.contains("secondary rate limit is in force"), "\(secondary.errorOutput)")
    }

    @Test("6: a refused port, for list, show and download")
    func network() async throws {
        for command in [["list"], ["show", "--user", "240502"], ["download", "--user", "240502"]] {
            let outcome = try await run.migdash(
                command + ["--api-url", "http://127.0.0.1:1", "--token-file", CommandRun.simulatorTokenFile])
            #expect(outcome.status == 6, "\(command[0]): \(outcome.errorOutput)")
            #expect(outcome.errorOutput.split(separator: "\n").count == 1, "\(outcome.errorOutput)")
        }
    }

    @Test("124: wait --timeout runs out on a migration still exporting")
    func timedOut() async throws {
        let simulator = try SharedSimulator.simulator()
        let id = try await simulator.startMigration(org: "octo-org", repositories: ["octo-repo"])
        let outcome = try await migdash(["wait", "--org", "octo-org", String(id), "--timeout", "2s"])
        #expect(outcome.status == 124, "\(outcome.errorOutput)")
    }

    @Test("130 and 143: wait interrupted by SIGINT or SIGTERM, as the shell sees it")
    func interrupted() async throws {
        let simulator = try SharedSimulator.simulator()
        let id = try await simulator.startMigration(org: "octo-org", repositories: ["website"])
        for (signal, status) in [(SIGINT, 130), (SIGTERM, 143)] {
            let asked = try await simulator.requests().count
            let arguments = [
                "wait", "--org", "octo-org", String(id), "--api-url", simulator.apiURL, "--token-file",
                CommandRun.simulatorTokenFile,
            ]
            let seen = try await ShellSignal.send(
                signal, to: arguments, run,
                once: {
                    try await simulator.requests().dropFirst(asked).contains {
                        $0.path.hasPrefix("/orgs/octo-org/migrations/\(id)")
                    }
                })
            #expect(seen == Int32(status), "signal \(signal)")
        }
    }

    @Test("141: the reader of show --json went away")
    func brokenPipe() async throws {
        let simulator = try SharedSimulator.simulator()
        let line = try CommandRun.shellLine([
            "show", "--org", "octo-org", "240498", "--json", "--api-url", simulator.apiURL, "--token-file",
            CommandRun.simulatorTokenFile,
        ])
        let outcome = try await ProcessRunner.run(
            "/bin/bash", ["-c", "\(line) | true; echo \"status=${PIPESTATUS[0]}\""], environment: run.environment)
        #expect(outcome.output.contains("status=141"), "\(outcome.output) \(outcome.errorOutput)")
    }
}
