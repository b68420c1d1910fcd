import CursesTerminal
import DashboardCore
import Foundation
import GitHubMigrations
import MigrationSimulator
import TerminalUI

/// Starts the dashboard: settings, token, optional embedded simulator, terminal, runtime; and restores
/// everything on the way out, printing any error only after the screen is restored.
public enum DashboardLauncher {
    /// Runs the dashboard and returns the process exit status.
    public static func run(_ options: LaunchOptions) async -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let settings: Settings
        do {
            settings = try Settings.resolve(options, environment: environment)
        } catch {
            printError("migdash: \(error)")
            return 2
        }
        var simulator: Simulator?
        var apiURL = settings.apiURL
        var token = settings.token
        if settings.demo {
            var demoOptions = SimulatorOptions()
            // About 1 MB/s, as over a modest link, so a download's progress, rate and time left show.
            demoOptions.storageBytesPerSecond = 1 << 20
            let demo = Simulator(options: demoOptions)
            do {
                apiURL = try await demo.start().apiURL
            } catch {
                printError("migdash: cannot start the demo simulator: \(error)")
                return 1
            }
            token = SimulatorOptions.defaultToken
            simulator = demo
        }
        guard let token else {
            printError(TokenResolver.missingTokenHelp)
            return 2
        }
        let status = await runDashboard(settings, apiURL: apiURL, token: token)
        await simulator?.stop()
        return status
    }

    private static func runDashboard(_ settings: Settings, apiURL: String, token: String) async -> Int32 {
        let inbox = EventInbox()
        let runner = EffectRunner.wired(settings, apiURL: apiURL, token: token, inbox: inbox)
        // Signals first: ncurses installs its own SIGINT/SIGTERM handlers only where none is set,
        // and those exit without restoring anything of ours.
        let signals = SignalRelay(inbox: inbox)
        inbox.post(.archivesFound(ArchiveScanner.scan(settings.downloadDirectory)))
        // The loop blocks in poll(): it runs on the main thread, outside the pool of threads that
        // the client's and the simulator's tasks need, and every curses call stays on that one thread.
        let failure: String? = await MainActor.run {
            let terminal: CursesScreen
            do {
                terminal = try CursesScreen.start()
            } catch {
                return "migdash: \(error)"
            }
            var state = DashboardState(now: Date(), size: terminal.size, session: settings.session)
            // The root actually used (the demo's simulator port is known only now), for links (`Y`).
            state.session.apiURL = apiURL
            state.keymap = settings.keymap
            let runtime = DashboardRuntime(
                terminal: terminal, runner: runner, inbox: inbox, state: state, theme: settings.theme)
            runtime.run()
            terminal.shutdown()
            return nil
        }
        signals.cancel()
        await runner.shutdown()
        runner.recorder?.flush()
        if let failure {
            printError(failure)
            return 1
        }
        return 0
    }

    private static func printError(_ text: String) {
        // The same filter as every command's output: a message may quote a server or a file.
        FileHandle.standardError.write(Data((TerminalText.safe(text, keepingNewlines: true) + "\n").utf8))
    }
}
