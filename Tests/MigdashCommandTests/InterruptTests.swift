import Foundation
import TestSupport
import Testing

@Suite("SIGINT and SIGTERM during migdash download: the .part is kept, one line says so, 128 + signal")
struct InterruptTests {
    /// The highest `downloading N%` printed so far.
    static func percentSeen(_ text: String) -> Int {
        text.matches(of: /downloading ([0-9]+)%/).compactMap { Int($0.output.1) }.max() ?? 0
    }

    /// Starts a download, sends `signal` once a tenth has arrived, and checks what it leaves behind.
    private func interrupt(with signal: Int32, status: Int32, _ simulator: SimulatorProcess) async throws {
        let folder = try TemporaryDirectory(prefix: "migdash-cli-interrupt")
        let run = try CommandRun()
        let arguments = [
            "download", "--org", "octo-org", "240498", "--output", folder.path, "--api-url", simulator.apiURL,
            "--token-file", CommandRun.simulatorTokenFile,
        ]
        let download = try ProcessRunner.launch(try MigdashBinary.path, arguments, environment: run.environment)
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        // A tenth or more has arrived: piped progress is throttled in time, so on a loaded machine the line
        // for exactly 10% may never be printed (waiting for it once let the download finish first).
        while Self.percentSeen(download.output.text) < 10, !download.exit.hasEnded, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(!download.exit.hasEnded, "ended before the signal: \(download.errors.text)")
        #expect(kill(download.processID, signal) == 0)
        #expect(await download.exit.wait() == status)
        let errors = String(decoding: await download.errors.finish(), as: UTF8.self)
        let part = try #require(folder.files().first { $0.hasSuffix(".tar.gz.part") }, "no .part in \(folder.files())")
        let size = try #require(
            try FileManager.default.attributesOfItem(atPath: folder.path + "/" + part)[.size] as? Int64)
        #expect(size > 0)
        let line = try #require(errors.split(separator: "\n").first.map(String.init))
        #expect(errors.filter { $0 == "\n" }.count == 1, "one line: \(errors)")
        #expect(line.hasPrefix("migdash: interrupted: kept \(folder.path)/\(part) ("), "\(line)")
        let amounts = /.* \([0-9.]+ [KM]i?B of 8\.0 Mi?B\); run the same command again to resume/
        #expect(line.wholeMatch(of: amounts) != nil, "\(line)")
        // The same command again picks the .part up and finishes.
        let again = try await run.migdash(arguments)
        #expect(again.status == 0, "\(again.errorOutput)")
        #expect(again.output.contains("saved \(folder.path)/"))
        #expect(!folder.files().contains(part))
    }

    @Test("Ctrl-C's SIGINT exits 130 and SIGTERM 143, each with one line naming the kept .part; a rerun resumes")
    func signals() async throws {
        let simulator = try await SimulatorProcess(arguments: [
            "--storage-kilobytes-per-second", "1024", "--archive-megabytes", "8",
        ])
        defer { simulator.terminate() }
        async let byInterrupt: Void = interrupt(with: SIGINT, status: 130, simulator)
        async let byTerminate: Void = interrupt(with: SIGTERM, status: 143, simulator)
        _ = try await (byInterrupt, byTerminate)
    }
}
