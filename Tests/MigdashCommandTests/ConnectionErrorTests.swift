import Foundation
import TestSupport
import Testing

@Suite("Bind and TLS failures are one line saying what failed and where, not a library dump")
struct ConnectionErrorTests {
    /// The API port of a simulator, which speaks plain HTTP.
    private func port(_ simulator: SimulatorProcess) throws -> Int {
        try #require(URLComponents(string: simulator.apiURL)?.port)
    }

    @Test("migdash simulate on a port in use says the address is in use and exits 1")
    func portInUse() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let taken = try port(simulator)
        let second = try await CommandRun().migdash(["simulate", "--port", String(taken)])
        #expect(second.status == 1)
        #expect(second.errorOutput == "migdash: cannot listen on 127.0.0.1:\(taken): the address is in use\n")
        #expect(second.output.isEmpty)
    }

    @Test("download over https from a plain-HTTP server or one with a self-signed certificate: one line, exit 6")
    func downloadOverTLS() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let tls = try await SelfSignedTLSServer()
        defer { tls.stop() }
        let run = try CommandRun()
        let plain = try port(simulator)
        let cases = [
            (plain, "the server does not speak TLS (plain HTTP?)"), (tls.port, "the certificate is not trusted"),
        ]
        for (port, reason) in cases {
            let outcome = try await run.migdash([
                "download", "--org", "octo-org", "240498", "--output", run.home.path, "--token-file",
                CommandRun.simulatorTokenFile,
                "--api-url", "https://127.0.0.1:\(port)",
            ])
            #expect(outcome.status == 6)
            #expect(
                outcome.errorOutput
                    == "migdash: Cannot reach the API: TLS handshake with 127.0.0.1:\(port) failed: \(reason).\n")
        }
    }

    @Test("the dashboard's Activity pane names a TLS failure in words")
    func dashboardActivity() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let run = try CommandRun()
        let url = "https://127.0.0.1:\(try port(simulator))"
        let tmux = try await TmuxSession(
            command: try CommandRun.shellLine(["--api-url", url, "--token-file", CommandRun.simulatorTokenFile]),
            width: 160, height: 30, environment: run.environment)
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("TLS handshake with 127.0.0.1", timeout: .seconds(20))
        #expect(
            screen.contains("TLS handshake with 127.0.0.1:\(try port(simulator)) failed: the server does not speak"))
        #expect(!screen.contains("NIOSSL") && !screen.contains("BoringSSL"), "\(screen)")
        try await tmux.send(keys: "q")
        #expect(try await tmux.waitForExit() == 0)
    }
}
