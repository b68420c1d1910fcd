import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// Leaving the terminal as it was found: on q, on SIGTERM, and when migdash refuses to start.
    @Suite("Starting and stopping")
    struct TerminalLifecycleTests {
        @Test("q quits with status 0 and leaves the terminal in canonical mode with echo on, the UI gone")
        func quit() async throws {
            let dashboard = try await DashboardHarness(afterExit: "stty -a")
            try await dashboard.waitForDashboard()
            try await dashboard.tmux.send(keys: "q")
            #expect(try await dashboard.tmux.waitForExit() == 0)
            try await expectRestored(dashboard.tmux)
        }

        @Test("SIGTERM to the dashboard restores the terminal and exits 0")
        func terminate() async throws {
            let dashboard = try await DashboardHarness(afterExit: "stty -a")
            try await dashboard.waitForDashboard()
            #expect(kill(try await dashboard.dashboardPID(), SIGTERM) == 0)
            #expect(try await dashboard.tmux.waitForExit() == 0)
            try await expectRestored(dashboard.tmux)
        }

        @Test("with no token anywhere, migdash explains how to give one and exits 2 without drawing")
        func noToken() async throws {
            let home = try TemporaryDirectory(prefix: "migdash-e2e-home")
            let bytes = try TemporaryDirectory(prefix: "migdash-e2e-output")
            let recording = bytes.path + "/pane.out"
            // `read` holds the command back until the pane's output is being recorded.
            let tmux = try await TmuxSession(
                command: "read go; " + Shell.quote(try MigdashBinary.path), environment: ["HOME": home.path],
                removing: DashboardHarness.leakyVariables, directory: home.path)
            defer { tmux.kill() }
            try await tmux.recordOutput(to: recording)
            try await tmux.send(keys: "Enter")
            #expect(try await tmux.waitForExit() == 2)
            let screen = try await tmux.capture(joinWrapped: true)
            #expect(screen.contains("migdash needs a GitHub token"))
            #expect(screen.contains("GH_TOKEN"))
            #expect(screen.contains("migdash --demo"))
            // pipe-pane writes through a pipe, a moment after the screen shows the text.
            let written = { FileManager.default.contents(atPath: recording) ?? Data() }
            try await Polling.until("the recording to reach EXIT=2") {
                String(decoding: written(), as: UTF8.self).contains("EXIT=2")
            }
            #expect(!written().contains(0x1B), "no escape sequence reached the terminal: nothing was drawn")
        }

        private func expectRestored(_ tmux: TmuxSession) async throws {
            let screen = try await tmux.waitFor("stty's report") { $0.contains("icanon") || $0.contains("-icanon") }
            let modes = Screen.terminalModes(try await tmux.capture(joinWrapped: true))
            #expect(modes.contains("icanon") && !modes.contains("-icanon"), "canonical input is back")
            #expect(modes.contains("echo") && !modes.contains("-echo"), "echo is back")
            #expect(!screen.contains("Migrations ("), "no dashboard left on the screen")
            #expect(!screen.contains("┌"), "no pane borders left on the screen")
        }

    }
}
