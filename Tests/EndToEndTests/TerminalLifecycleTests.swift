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

        @Test(
            "a fatal signal restores the terminal under a plain sh, no backtrace waits for a key, the status is 128+N",
            arguments: [("SEGV", SIGSEGV), ("ABRT", SIGABRT), ("QUIT", SIGQUIT), ("USR1", SIGUSR1), ("ALRM", SIGALRM)])
        func fatalSignal(name: String, number: Int32) async throws {
            // sh, not bash: bash repairs the terminal itself and would hide a broken restore. An empty
            // SWIFT_BACKTRACE is the user's default, which migdash makes non-interactive.
            // The backtrace takes seconds to print on a busy machine (over a minute at load average 10): the
            // pane stays five minutes longer, so it is still there to be read when the exit is seen.
            let dashboard = try await DashboardHarness(
                afterExit: "stty -a; sleep 300", environment: ["SHELL": "/bin/sh", "SWIFT_BACKTRACE": ""])
            try await dashboard.waitForDashboard()
            #expect(kill(try await dashboard.dashboardPID(), number) == 0, "SIG\(name)")
            #expect(try await dashboard.tmux.waitForExit(timeout: .seconds(120)) == 128 + number, "SIG\(name)")
            try await expectRestored(dashboard.tmux)
            #expect(!(try await dashboard.tmux.capture()).contains("Press space to interact"))
            // Swift's backtracer takes the crashes; its report goes to a file, not over the screen.
            if [SIGSEGV, SIGABRT, SIGQUIT].contains(number) {
                let folder = dashboard.home.path + "/.local/state/migdash/crashes"
                let reports = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                #expect(reports.contains { $0.hasPrefix("migdash-") }, "no crash report in \(folder)")
            }
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
            #expect(screen.contains("migdash: no GitHub token for github.com"))
            #expect(screen.contains("GH_TOKEN"))
            #expect(screen.contains("migdash --demo"))
            // pipe-pane writes through a pipe, a moment after the screen shows the text.
            let written = { FileManager.default.contents(atPath: recording) ?? Data() }
            try await Polling.until("the recording to reach EXIT=2") {
                String(decoding: written(), as: UTF8.self).contains("EXIT=2")
            }
            #expect(!written().contains(0x1B), "no escape sequence reached the terminal: nothing was drawn")
        }

        @Test(
            "Ctrl-Z stops the dashboard as a shell job with the terminal restored; fg brings it back, eight times over")
        func suspend() async throws {
            let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
            defer { simulator.terminate() }
            let home = try TemporaryDirectory(prefix: "migdash-e2e-home")
            // An interactive shell, so there is job control to stop and continue the dashboard.
            try Data("PS1='shell$ '\n".utf8).write(to: URL(fileURLWithPath: home.path + "/rc"))
            let tmux = try await TmuxSession(
                command: "bash --noprofile --rcfile rc -i", environment: ["HOME": home.path],
                removing: DashboardHarness.leakyVariables, directory: home.path)
            defer { tmux.kill() }
            try await tmux.waitFor("shell$")
            let words = [
                try MigdashBinary.path, "--api-url", simulator.apiURL, "--token-file",
                try DashboardHarness.tokenFile(SimulatorProcess.defaultToken, in: home),
            ]
            try await tmux.type(Shell.command(words))
            try await tmux.send(keys: "Enter")
            let dashboard = { (screen: String) in screen.contains("Migrations (11)") && !screen.contains("shell$") }
            try await tmux.waitFor("the dashboard", until: dashboard)
            for round in 1...8 {
                try await tmux.send(keys: "C-z")
                try await tmux.waitFor("round \(round): the shell's report of a stopped job") {
                    $0.contains("Stopped") && !$0.contains("Migrations (11)")
                }
                try await tmux.send(keys: "C-l")
                try await tmux.type("fg")
                try await tmux.send(keys: "Enter")
                try await tmux.waitFor("round \(round): the dashboard again", until: dashboard)
            }
            try await tmux.send(keys: "q")
            try await tmux.waitFor("the shell after quitting") {
                $0.contains("shell$") && !$0.contains("Migrations (11)")
            }
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
