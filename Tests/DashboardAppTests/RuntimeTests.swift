import DashboardCore
import Foundation
import GitHubMigrations
import MigrationSimulator
import TerminalUI
import Testing

@testable import DashboardApp

@Suite("The runtime in process: a scripted terminal, the real client, the simulator over loopback")
struct RuntimeTests {
    typealias Timeout = RuntimeDriving.Timeout

    @Test("launch, a live change to exported, delete with confirmation, resize, quit; idle turns present nothing")
    func session() async throws {
        var options = SimulatorOptions()
        options.exportSeconds = 10
        options.seedWorld = false
        options.frozenClock = true
        let simulator = Simulator(options: options)
        let address = try await simulator.start()
        let configuration = ClientConfiguration(baseURL: address.apiURL, token: SimulatorOptions.defaultToken)
        let client = GitHubClient(configuration: configuration)
        let inbox = EventInbox()
        let runner = EffectRunner(
            client: client, inbox: inbox, downloadDirectory: FileManager.default.temporaryDirectory)
        let started = try await client.startMigration(
            .organization("octo-org"), StartMigrationRequest(repositories: ["website"]))
        simulator.advance(seconds: 5)
        let theme = try ThemeLoader.load("default", environment: [:])
        let key = MigrationKey(scope: .organization("octo-org"), id: started.id)

        let outcome: Result<Observed, any Error>
        do {
            outcome = .success(
                try await RuntimeDriving.onOwnThread {
                    try Self.drive(runner: runner, inbox: inbox, theme: theme, simulator: simulator, key: key)
                })
        } catch {
            outcome = .failure(error)
        }
        let gone = await #expect(throws: GitHubError.self) { try await client.archiveURL(key.scope, id: key.id) }
        await runner.shutdown()
        await simulator.stop()
        let idle = try outcome.get()
        #expect(gone?.kind == .notFound)
        #expect(idle.bells >= 1)
        #expect(idle.presentedWhileIdle == 0, "an idle turn presented a frame")
    }

    struct Observed: Sendable {
        var bells: Int
        var presentedWhileIdle: Int
    }

    private static func drive(
        runner: EffectRunner, inbox: EventInbox, theme: Theme, simulator: Simulator, key: MigrationKey
    )
        throws -> Observed
    {
        let terminal = ScriptedTerminal()
        let state = DashboardState(now: Date(), size: terminal.size, session: SessionInfo(host: "simulator"))
        let runtime = DashboardRuntime(terminal: terminal, runner: runner, inbox: inbox, state: state, theme: theme)
        runtime.begin()
        try RuntimeDriving.stepUntil(runtime, terminal, "live migrations") {
            $0.row(0).contains("updated") && $0.contains("exporting")
        }

        simulator.advance(seconds: 30)
        terminal.press(.character("r"))
        try RuntimeDriving.stepUntil(runtime, terminal, "the change in Activity") {
            $0.contains("\(key.id) \(key.scope)  exporting → exported")
        }

        terminal.press(.character("x"))
        try RuntimeDriving.stepUntil(runtime, terminal, "the question") { $0.contains("Delete the archive of \(key)?") }
        terminal.press(.character("y"))
        try RuntimeDriving.stepUntil(runtime, terminal, "the deleted archive") {
            $0.contains("deleted the archive of \(key)")
        }

        let settled = Date().addingTimeInterval(10)
        while Date() < settled,
            runtime.state.poll.inFlight > 0 || runtime.state.importsDiscovering
                || runtime.state.migrations.values.contains(where: { $0.state.isActive })
        {
            runtime.step(maximumWait: 0.05)
        }
        runtime.step(maximumWait: 0.02)
        // Five idle turns present nothing. A window may legitimately hold a change ("updated 5s ago" turning
        // over, a late answer on a loaded machine): up to three windows are tried, and a runtime that draws
        // every turn fails them all.
        var presentedWhileIdle = 0
        for _ in 0..<3 {
            let presented = terminal.presented
            for _ in 0..<5 { runtime.step(maximumWait: 0.02) }
            presentedWhileIdle = terminal.presented - presented
            if presentedWhileIdle == 0 { break }
        }

        terminal.resize(to: Size(width: 50, height: 12))
        try RuntimeDriving.stepUntil(runtime, terminal, "the too-small line") {
            $0.row(0).hasPrefix("terminal too small")
        }
        terminal.resize(to: Size(width: 120, height: 40))
        try RuntimeDriving.stepUntil(runtime, terminal, "the full screen again") { $0.contains("Migrations (") }

        // Ctrl-Z suspends even over a dialog, and the screen is drawn whole again on the way back.
        terminal.press(.character("?"))
        try RuntimeDriving.stepUntil(runtime, terminal, "the help") { $0.contains("type to filter") }
        let beforeSuspend = terminal.presented
        terminal.press(.control("z"))
        runtime.step(maximumWait: 0.05)
        guard terminal.suspensions == 1, terminal.presented > beforeSuspend else {
            throw Timeout(description: "Ctrl-Z did not suspend and repaint (\(terminal.suspensions) suspensions)")
        }
        terminal.press(.escape)

        terminal.press(.character("q"))
        runtime.step(maximumWait: 0.05)
        guard runtime.state.quitting else { throw Timeout(description: "q did not quit") }
        return Observed(bells: terminal.bells, presentedWhileIdle: presentedWhileIdle)
    }
}
