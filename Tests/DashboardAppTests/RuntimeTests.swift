import DashboardCore
import Foundation
import GitHubMigrations
import MigrationSimulator
import TerminalUI
import Testing

@testable import DashboardApp

@Suite("The runtime in process: a scripted terminal, the real client, the simulator over loopback")
struct RuntimeTests {
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    /// Steps the runtime until the frame satisfies `condition`, or fails after `seconds`.
    private func stepUntil(
        _ runtime: DashboardRuntime, _ terminal: ScriptedTerminal, seconds: Double = 10,
        _ what: String, _ condition: (CellGrid) -> Bool
    ) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            runtime.step(maximumWait: 0.05)
            if let frame = terminal.lastFrame, condition(frame) { return }
        }
        throw Timeout(description: "no \(what) on screen:\n\(terminal.lastFrame?.text ?? "(nothing)")")
    }

    @Test("launch, a live change to exported, delete with confirmation, quit; unchanged frames are not presented")
    func session() async throws {
        var options = SimulatorOptions()
        options.exportSeconds = 10
        let simulator = Simulator(options: options)
        let address = try await simulator.start()
        let client = GitHubClient(configuration: ClientConfiguration(baseURL: address.apiURL, token: SimulatorOptions.defaultToken))
        let inbox = EventInbox()
        let runner = EffectRunner(client: client, inbox: inbox, downloadDirectory: FileManager.default.temporaryDirectory)
        let terminal = ScriptedTerminal()
        let state = DashboardState(now: Date(), size: terminal.size, session: SessionInfo(host: "simulator"))
        let runtime = DashboardRuntime(
            terminal: terminal, runner: runner, inbox: inbox, state: state, theme: try ThemeLoader.load("default", environment: [:]))
        defer { Task { await runner.shutdown(); await simulator.stop() } }

        runtime.begin()
        try stepUntil(runtime, terminal, "live migrations") { $0.row(0).contains("live") && $0.contains("exporting") }
        let exporting = try #require(runtime.state.migrations.first { $0.value.state == .exporting }?.key)

        simulator.advance(seconds: 30)
        terminal.press(.character("r"))
        try stepUntil(runtime, terminal, "the change in Activity") { $0.contains("\(exporting.id) \(exporting.scope)  exporting → exported") }
        #expect(terminal.bells >= 1)

        let row = try #require(runtime.state.migrationOrder.firstIndex(of: exporting))
        terminal.press(.character("g"))
        for _ in 0..<row { terminal.press(.character("j")) }
        terminal.press(.character("x"))
        try stepUntil(runtime, terminal, "the question") { $0.contains("Delete the archive of \(exporting)?") }
        terminal.press(.character("y"))
        try stepUntil(runtime, terminal, "the deleted archive") { $0.contains("deleted the archive of \(exporting)") }
        let gone = await #expect(throws: GitHubError.self) { try await client.archiveURL(exporting.scope, id: exporting.id) }
        #expect(gone?.kind == .notFound)

        for _ in 0..<5 { runtime.step(maximumWait: 0.02) }
        let presented = terminal.presented
        for _ in 0..<5 { runtime.step(maximumWait: 0.02) }
        #expect(terminal.presented == presented, "an idle step presented a frame")

        terminal.resize(to: Size(width: 50, height: 12))
        try stepUntil(runtime, terminal, "the too-small line") { $0.row(0).hasPrefix("terminal too small") }
        terminal.resize(to: Size(width: 120, height: 40))
        try stepUntil(runtime, terminal, "the full screen again") { $0.contains("Migrations (") }

        terminal.press(.character("q"))
        runtime.step(maximumWait: 0.05)
        #expect(runtime.state.quitting)
    }
}
