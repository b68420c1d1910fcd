import Foundation
import TestSupport
import Testing

@Suite("--config and configuration errors, for the dashboard and migdash download, run as processes")
struct ConfigCommandTests {
    @Test("--config naming a missing file is one line and exit 2, for the dashboard and for download")
    func missingNamedFile() async throws {
        let run = try CommandRun()
        let missing = run.home.path + "/nowhere/config.yml"
        let line = "migdash: \(missing): cannot read the configuration file: no such file or directory\n"
        let dashboard = try await run.migdash(["--demo", "--config", missing])
        #expect(dashboard.status == 2)
        #expect(dashboard.errorOutput == line)
        let download = try await run.migdash([
            "download", "--org", "octo-org", "1", "--config", missing, "--token-file", CommandRun.simulatorTokenFile,
            "--api-url",
            "http://127.0.0.1:1",
        ])
        #expect(download.status == 2)
        #expect(download.errorOutput == line)
    }

    @Test("a missing file at the default place is no error")
    func missingDefaultFile() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
        defer { simulator.terminate() }
        let download = try await CommandRun().migdash([
            "download", "--org", "octo-org", "240507", "--token-file", CommandRun.simulatorTokenFile,
            "--api-url", simulator.apiURL,
        ])
        // It gets as far as asking the API, which says the migration is not exported yet.
        #expect(download.status == 1)
        // Pending or exporting by the time it asks, on a loaded machine: either way, not exported yet.
        #expect(download.errorOutput.hasSuffix("; its archive is not ready yet.\n"), "\(download.errorOutput)")
    }

    @Test("a wrong value in the file is reported as PATH:LINE:COLUMN: reason, exit 2")
    func placedError() async throws {
        let run = try CommandRun()
        let path = run.home.path + "/migdash/config.yml"
        try FileManager.default.createDirectory(atPath: run.home.path + "/migdash", withIntermediateDirectories: true)
        try "hostname: ghe.example.com\norgs: [octo-org]\nbell: true\nreadonly: sometimes\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let line = "migdash: \(path):4:11: readonly must be true or false\n"
        let dashboard = try await run.migdash(["--demo"])
        #expect(dashboard.status == 2)
        #expect(dashboard.errorOutput == line)
        let download = try await run.migdash([
            "download", "--user", "1", "--config", path, "--token-file", CommandRun.simulatorTokenFile,
        ])
        #expect(download.status == 2)
        #expect(download.errorOutput == line)
    }
}
