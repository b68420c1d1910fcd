import Foundation
import TestSupport
import Testing

@Suite("migdash download's progress bar on a real terminal (tmux) against paced storage")
struct ProgressBarTests {
    /// `download` of the 4 MB archive of migration 240498 into `folder`.
    private func arguments(_ folder: TemporaryDirectory, _ simulator: SimulatorProcess) -> [String] {
        [
            "download", "--org", "octo-org", "240498", "--output", folder.path, "--api-url", simulator.apiURL,
            "--token-file", CommandRun.simulatorTokenFile,
        ]
    }

    /// Rows that show progress: the bar while downloading or verifying.
    private func progressRows(_ screen: String) -> [Substring] {
        screen.split(separator: "\n").filter { $0.hasPrefix("downloading ") || $0.hasPrefix("verifying ") }
    }

    /// Watches a download in a `width`-column pane for a dozen redraws, then presses Ctrl-C. Every
    /// screen must hold at most one progress line, narrower than the pane (captured joined, so a line
    /// the terminal wrapped shows whole), and the interrupted download must leave none behind.
    private func watch(width: Int, _ simulator: SimulatorProcess) async throws {
        let folder = try TemporaryDirectory(prefix: "migdash-cli-bar")
        let run = try CommandRun()
        let tmux = try await TmuxSession(
            command: try CommandRun.shellLine(arguments(folder, simulator)), width: width, height: 12,
            environment: run.environment)
        defer { tmux.kill() }
        var bars = 0
        var firstBadScreen: String?
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while bars < 12, ContinuousClock.now < deadline {
            let screen = try await tmux.capture(joinWrapped: true)
            let rows = progressRows(screen)
            if rows.count > 1 || rows.contains(where: { $0.count >= width }) {
                firstBadScreen = firstBadScreen ?? screen
            }
            bars += rows.filter { $0.contains("█") || $0.contains("░") }.count
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(
            firstBadScreen == nil, "a progress line too wide or stacked at \(width) columns:\n\(firstBadScreen ?? "")")
        // Redrawn, not drawn once: a loaded machine's screen samples saw it 10 times where an idle one sees 40.
        #expect(bars >= 5, "saw the bar only \(bars) times at \(width) columns")
        try await tmux.send(keys: "C-c")
        #expect(try await tmux.waitForExit() == 130)
        let screen = try await tmux.capture()
        #expect(progressRows(screen).isEmpty, "the bar is cleared before the interrupted line:\n\(screen)")
        #expect(screen.contains("interrupted: kept"), "\(screen)")
    }

    @Test("at 80 and at 60 columns the bar of a long download fits and is redrawn in place")
    func fits() async throws {
        // 40 MB at 256 KB/s: minutes left, so the rate and time left are as long as they get.
        let simulator = try await SimulatorProcess(arguments: [
            "--storage-kilobytes-per-second", "256", "--archive-megabytes", "40",
        ])
        defer { simulator.terminate() }
        async let wide: Void = watch(width: 80, simulator)
        async let narrow: Void = watch(width: 60, simulator)
        _ = try await (wide, narrow)
    }

    @Test("after the terminal is narrowed mid-download the bar is drawn to the new width, and cleared at the end")
    func followsResize() async throws {
        // 16 MB at 1 MB/s: the download outlasts a resize noticed late on a loaded machine (with 4 MB it
        // sometimes ended before the narrowed bar was drawn, and the test waited for a bar that never came).
        let simulator = try await SimulatorProcess(arguments: [
            "--storage-kilobytes-per-second", "1024", "--archive-megabytes", "16",
        ])
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-cli-resize")
        let run = try CommandRun()
        let tmux = try await TmuxSession(
            command: try CommandRun.shellLine(arguments(folder, simulator)), width: 100, height: 12,
            environment: run.environment)
        defer { tmux.kill() }
        // Launching and the first bar take seconds on a loaded machine; the download lasts 16.
        try await tmux.waitFor("a bar at 100 columns", timeout: .seconds(60)) {
            progressRows($0).contains { $0.contains("█") }
        }
        try await tmux.resize(width: 50, height: 12)
        // The bar last drawn is the bottom progress row; rows above it are the old line, which the
        // terminal itself rewrapped when it narrowed.
        let screen = try await tmux.waitFor("a bar drawn for 50 columns", timeout: .seconds(30)) { screen in
            guard let last = progressRows(screen).last else { return false }
            return last.count < 50 && (last.contains("░") || last.contains("█"))
        }
        #expect(progressRows(screen).last.map { $0.count < 50 } == true)
        #expect(try await tmux.waitForExit(timeout: .seconds(90)) == 0)
        let end = try await tmux.capture()
        #expect(end.contains("saved \(folder.path)/"), "\(end)")
        #expect(!end.split(separator: "\n").contains { $0.hasPrefix("downloading") && $0.contains("100%") })
    }
}
