import Foundation
import TestSupport
import Testing

extension EndToEndTests {
    /// The dashboard against the hostile stand-in for GitHub, with no key pressed.
    @Suite("The dashboard against a hostile server")
    struct HostileDashboardTests {
        @Test(
            "auto-download of a migration whose organization login climbs out of the folder writes nothing outside it")
        func autoDownloadClimbingOut() async throws {
            let server = try await HostileServer(scenario: "traversal-login-exported-while-watched")
            defer { server.stop() }
            let root = try TemporaryDirectory(prefix: "migdash-e2e-climb")
            let downloads = root.path + "/a/b/c/d"
            try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root.path + "/elsewhere", withIntermediateDirectories: true)
            let home = try TemporaryDirectory(prefix: "migdash-e2e-home")
            let words = [
                try MigdashBinary.path, "--api-url", server.apiURL, "--token-file",
                try DashboardHarness.tokenFile("t0ken", in: home), "--auto-download",
                "--download-dir", downloads,
            ]
            let tmux = try await TmuxSession(
                command: Shell.command(words), environment: ["HOME": home.path],
                removing: DashboardHarness.leakyVariables, directory: home.path)
            defer { tmux.kill() }
            let screen = try await tmux.waitFor("the refused download", timeout: .seconds(30)) { screen in
                Screen.activity(screen).contains { $0.contains("Refused to download") }
                    || FileManager.default.fileExists(
                        atPath: root.path + "/elsewhere/x-migration-7-0b5c3a4e-7c1f-11ee-b962-0242ac120002.tar.gz")
            }
            #expect(Screen.activity(screen).contains { $0.contains("Refused to download") })
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/elsewhere") == [])
            let asked = try await server.requests().map(\.path)
            // Refused before the archive's address is even asked for.
            #expect(!asked.contains { $0.hasSuffix("/archive") || $0.hasPrefix("/storage") }, "asked: \(asked)")
        }
    }
}
