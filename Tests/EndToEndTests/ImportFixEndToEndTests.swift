import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// A user unblocking the demo's import that failed authentication, as they would at the keyboard.
    @Suite("Source imports")
    struct ImportFixEndToEndTests {
        @Test("i on the auth_failed import asks for credentials, hides the password, and the import runs again")
        func credentials() async throws {
            let dashboard = try await DashboardHarness()
            try await dashboard.waitForDashboard()
            try await dashboard.tmux.send(keys: "3")
            for _ in 0..<5 where !(try await dashboard.tmux.capture()).contains("▸ octo-org/vendor-tfs") {
                try await dashboard.tmux.send(keys: "j")
                try? await dashboard.tmux.waitFor("the selection to move", timeout: .milliseconds(500)) {
                    $0.contains("▸ octo-org/vendor-tfs")
                }
            }
            let footer = try await dashboard.tmux.waitFor("the key's purpose in the footer") {
                $0.contains("▸ octo-org/vendor-tfs") && $0.contains("i credentials")
            }
            #expect(footer.contains("auth_failed"))
            try await dashboard.tmux.send(keys: "i")
            try await dashboard.tmux.waitFor("Credentials for octo-org/vendor-tfs")
            try await dashboard.tmux.type("jdoe")
            try await dashboard.tmux.send(keys: "Tab")
            try await dashboard.tmux.type("hunter2")
            let typed = try await dashboard.tmux.waitFor("the password as bullets") { $0.contains("•••••••") }
            #expect(!typed.contains("hunter2"))
            try await dashboard.tmux.send(keys: "Enter")
            let after = try await dashboard.tmux.waitFor("the import running again") { screen in
                Screen.activity(screen).contains {
                    $0.contains("retried octo-org/vendor-tfs with the credentials of jdoe")
                }
                    && Screen.activity(screen).contains { $0.contains("vendor-tfs  auth_failed → importing") }
            }
            #expect(!after.contains("hunter2"))
            let patches = try await dashboard.simulator.requests().filter { $0.method == "PATCH" }
            #expect(patches.map(\.path) == ["/repos/octo-org/vendor-tfs/import"])
        }
    }
}
