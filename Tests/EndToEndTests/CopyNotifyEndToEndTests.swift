import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// What reaches the terminal besides the screen: a copy through OSC 52, a notification through OSC 777
    /// and OSC 9. tmux keeps an OSC 52 copy as a paste buffer (`set-clipboard on`), and `pipe-pane` hands
    /// over every byte the dashboard writes.
    @Suite("Copy and notifications")
    struct CopyNotifyEndToEndTests {
        @Test("`y` on a migration puts its id in tmux's paste buffer through OSC 52")
        func copyID() async throws {
            let dashboard = try await DashboardHarness()
            try await dashboard.tmux.setServerOption("set-clipboard", "on")
            try await dashboard.waitForDashboard()
            try await dashboard.select(migration: 240_501)
            try await dashboard.tmux.send(keys: "y")
            try await dashboard.tmux.waitFor("copied 240501 to the clipboard (OSC 52)")
            try await Polling.until("tmux's buffer holding 240501") {
                try await dashboard.tmux.newestBuffer() == "240501"
            }
        }

        @Test("with --notify an export finishing sends OSC 777 and OSC 9 after the frame; without it, neither")
        func notify() async throws {
            for notify in [true, false] {
                let dashboard = try await DashboardHarness(dashboardArguments: notify ? ["--notify"] : [])
                let output = dashboard.home.path + "/pane-output"
                try await dashboard.waitForDashboard()
                try await dashboard.tmux.recordOutput(to: output)
                try await dashboard.simulator.advance(seconds: 3_600)
                try await dashboard.tmux.waitFor("240505 exported") { screen in
                    Screen.migrationRow(240_505, in: screen)?.contains("exported") == true
                }
                // Whatever else finished within the notification's window joins it ("…, 1 import complete").
                let osc777 = #/\x1B\]777;notify;migdash · [^;\x07\x1B]+;[^;\x07\x1B]*exported[^;\x07\x1B]*\x07/#
                let osc9 = #/\x1B\]9;migdash · [^;\x07\x1B]+: [^;\x07\x1B]*exported[^;\x07\x1B]*\x07/#
                if notify {
                    try await Polling.until("both notifications in the pane's output") {
                        let text = Self.text(at: output)
                        return text.contains(osc777) && text.contains(osc9)
                    }
                } else {
                    // The bell rings in the turn that saw the export and leaves in the same write as a
                    // notification would: once it is in the output, nothing else of that turn is to come.
                    try await Polling.until("the bell in the pane's output") {
                        Self.text(at: output).contains("\u{07}")
                    }
                    let text = Self.text(at: output)
                    #expect(!text.contains("]777;"))
                    #expect(!text.contains("]9;"))
                }
            }
        }

        /// The bytes written so far, read as UTF-8 (escape sequences and all).
        private static func text(at path: String) -> String {
            (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}
