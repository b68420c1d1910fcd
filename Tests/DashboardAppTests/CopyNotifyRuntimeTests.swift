import DashboardCore
import Foundation
import GitHubMigrations
import MigrationSimulator
import TerminalUI
import Testing

@testable import DashboardApp

@Suite("Copy and notifications in process: the runtime hands the reducer's controls to the terminal")
struct CopyNotifyRuntimeTests {
    typealias Timeout = RuntimeDriving.Timeout

    @Test("`y` reaches the terminal as an OSC 52 copy of the id; an export as one OSC 777 notification")
    func copyAndNotify() async throws {
        var options = SimulatorOptions()
        options.exportSeconds = 10
        options.seedWorld = false
        options.frozenClock = true
        let simulator = Simulator(options: options)
        let address = try await simulator.start()
        let client = GitHubClient(
            configuration: ClientConfiguration(baseURL: address.apiURL, token: SimulatorOptions.defaultToken))
        let inbox = EventInbox()
        let runner = EffectRunner(
            client: client, inbox: inbox, downloadDirectory: FileManager.default.temporaryDirectory)
        let started = try await client.startMigration(
            .organization("octo-org"), StartMigrationRequest(repositories: ["website"]))
        let theme = try ThemeLoader.load("default", environment: [:])
        let outcome: Result<[TerminalControl], any Error>
        do {
            outcome = .success(
                try await RuntimeDriving.onOwnThread {
                    try Self.drive(runner: runner, inbox: inbox, theme: theme, simulator: simulator)
                })
        } catch {
            outcome = .failure(error)
        }
        await runner.shutdown()
        await simulator.stop()
        let controls = try outcome.get()
        #expect(controls.first == .copy(String(started.id)))
        let notifications = controls.filter {
            if case .notify = $0 { return true }
            return false
        }
        #expect(
            notifications == [
                .notify(
                    title: "migdash · simulator", body: "migration octo-org #\(started.id) exported", via: .osc777)
            ])
    }

    private static func drive(runner: EffectRunner, inbox: EventInbox, theme: Theme, simulator: Simulator) throws
        -> [TerminalControl]
    {
        let terminal = ScriptedTerminal()
        var session = SessionInfo(host: "simulator")
        session.notifications = .osc777
        let state = DashboardState(now: Date(), size: terminal.size, session: session)
        let runtime = DashboardRuntime(terminal: terminal, runner: runner, inbox: inbox, state: state, theme: theme)
        runtime.begin()
        try RuntimeDriving.stepUntil(runtime, terminal, "the migration listed") {
            $0.row(0).contains("updated") && $0.contains("pending")
        }
        terminal.press(.character("y"))
        try RuntimeDriving.stepUntil(runtime, terminal, "the copy's notice") {
            $0.contains("to the clipboard (OSC 52)")
        }
        simulator.advance(seconds: 30)
        terminal.press(.character("r"))
        try RuntimeDriving.stepUntil(runtime, terminal, "the export in Activity") { $0.contains("→ exported") }
        // The notification waits `AlertTally.window` for others to join it, then leaves once; a few more
        // turns prove it is not repeated.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !terminal.controls.contains(where: { if case .notify = $0 { true } else { false } }) {
            runtime.step(maximumWait: 0.05)
        }
        for _ in 0..<3 { runtime.step(maximumWait: 0.05) }
        return terminal.controls
    }

}
