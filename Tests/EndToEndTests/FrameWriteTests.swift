import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// Over SSH every `write()` to the terminal can leave as a packet of its own: a frame is one write.
    @Suite("Frames on the wire")
    struct FrameWriteTests {
        @Test(
            "every turn writes to the terminal at most once: first paint, pages arriving, keys, a dialog, resizes, quitting",
            .enabled("needs strace, allowed to trace a child here") { await WriteTrace.straceWorks() })
        func oneWritePerFrame() async throws {
            let traces = try TemporaryDirectory(prefix: "migdash-e2e-strace")
            let file = traces.path + "/trace"
            let strace = try ProcessRunner.locate("strace")
            let dashboard = try await DashboardHarness(wrapper: [strace] + WriteTrace.straceOptions + ["-o", file])
            try await dashboard.waitForDashboard()
            let first = Screen.selectedMigration(try await dashboard.tmux.capture())
            try await dashboard.tmux.send(keys: "j")
            try await dashboard.tmux.waitFor("the selection to move down") { Screen.selectedMigration($0) != first }
            try await dashboard.tmux.send(keys: "k")
            try await dashboard.tmux.waitFor("the selection to move back") { Screen.selectedMigration($0) == first }
            try await dashboard.tmux.send(keys: "?")
            try await dashboard.tmux.waitFor("─ Keys ─")
            try await dashboard.tmux.send(keys: "Escape")
            try await dashboard.tmux.waitFor("the help to close") { !$0.contains("─ Keys ─") }
            for (width, height) in [(100, 30), (120, 40)] {
                try await dashboard.tmux.resize(width: width, height: height)
                try await dashboard.tmux.waitFor("the dashboard drawn at \(width)x\(height)") { screen in
                    Self.fills(screen, width: width, height: height)
                }
            }
            try await dashboard.tmux.send(keys: "q")
            #expect(try await dashboard.tmux.waitForExit() == 0)

            let trace = WriteTrace(try String(contentsOfFile: file, encoding: .utf8))
            let split = trace.turns.filter { $0.writes.count > 1 }.map(\.writes)
            #expect(
                split.count == 0,
                "\(split.count) of \(trace.turns.count) turns wrote more than once; bytes per write: \(split.prefix(5))"
            )
            // First paint, j, k, ?, Esc, two resizes and the restore on quitting, at the least.
            #expect(trace.turns.count >= 8, "turns that wrote: \(trace.turns.map(\.writes))")
        }

        /// True when the dashboard was drawn at this size: the panes' top border ends in the last
        /// column (tmux cuts, not redraws, what a smaller window no longer shows) and the footer is on the last row.
        private static func fills(_ screen: String, width: Int, height: Int) -> Bool {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count >= height else { return false }
            return lines[1].count == width && lines[1].hasSuffix("┐") && lines[height - 1].contains("q quit")
        }
    }
}
