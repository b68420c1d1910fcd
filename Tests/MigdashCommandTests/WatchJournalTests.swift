import Foundation
import TestSupport
import Testing

@Suite("migdash watch and a journal that cannot be kept")
struct WatchJournalTests {
    @Test("--journal in a folder that cannot be written: one `no journal` line on stderr, and the watch runs on")
    func unwritableJournal() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-watch-locked-journal")
        let locked = folder.path + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        try ReadOnlyFolder.lock(locked)
        defer { ReadOnlyFolder.unlock(locked) }
        let path = locked + "/journal.sqlite"
        let run = try CommandRun()
        let watch = try ProcessRunner.launch(
            try MigdashBinary.path,
            [
                "watch", "--org", "octo-org", "--ndjson", "--journal", path, "--api-url", simulator.apiURL,
                "--token-file", CommandRun.simulatorTokenFile,
            ], environment: run.environment)
        defer { kill(watch.processID, SIGKILL) }
        try await Polling.until(
            "the ready line and the journal's line", timeout: .seconds(60), every: .milliseconds(100)
        ) {
            if watch.exit.hasEnded { throw TestSupportError.unexpectedResponse("watch ended: \(watch.errors.text)") }
            return watch.output.text.contains(#""event":"ready""#) && watch.errors.text.contains("no journal")
        }
        // A change after the failed open: the watch reports it and says nothing more of the journal.
        try await simulator.advance(seconds: 3_600)
        try await Polling.until("240505 exported", timeout: .seconds(60), every: .milliseconds(100)) {
            watch.output.text.contains(#""id":240505"#) && watch.output.text.contains(#""state":"exported""#)
        }
        #expect(kill(watch.processID, SIGTERM) == 0)
        let outcome = await watch.outcome()
        #expect(outcome.status == 143, "\(outcome.errorOutput)")
        let lines = outcome.errorOutput.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.errorOutput)")
        #expect(lines.first?.hasPrefix("migdash: no journal: cannot open the journal \(path): ") == true, "\(lines)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("migdash wait with a journal that cannot be kept: one `no journal` line, and the wait still ends with 0")
    func waitSaysSo() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "2"])
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-wait-locked-journal")
        let locked = folder.path + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        try ReadOnlyFolder.lock(locked)
        defer { ReadOnlyFolder.unlock(locked) }
        let id = try await simulator.startMigration(org: "octo-org", repositories: ["octo-repo"])
        let outcome = try await CommandRun().migdash([
            "wait", "--org", "octo-org", String(id), "--journal", locked + "/journal.sqlite", "--api-url",
            simulator.apiURL, "--token-file", CommandRun.simulatorTokenFile,
        ])
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let lines = outcome.errorOutput.split(separator: "\n")
        #expect(lines.count == 1 && lines.first?.hasPrefix("migdash: no journal") == true, "\(outcome.errorOutput)")
    }
}
