import DashboardCore
import Foundation
import GitHubMigrations
import TerminalUI

/// What `migdash watch` was asked for, beyond the connection.
public struct WatchOptions: Sendable {
    /// Where to serve `/metrics`, if anywhere.
    public var metricsHost: String?
    public var metricsPort = 0
    /// Called once the metrics server listens, with its port (0 asks the system for one).
    public var onListening: @Sendable (Int) -> Void = { _ in }

    /// No metrics.
    public init() {}
}

/// Starts `migdash watch`: the client, the effect runner and the signal relay of the dashboard, the
/// headless loop, and the metrics server; and stops them all on the way out.
public enum WatchLauncher {
    /// Runs until SIGINT, SIGTERM or SIGHUP (exit 128 + the signal) or until GitHub refuses the token
    /// (exit 3). `emit` gets the events of each turn, on the loop's thread.
    public static func run(
        _ settings: Settings, token: String, options: WatchOptions, emit: @escaping @Sendable ([WatchEvent]) -> Void
    ) async -> Result<Int32, WatchFailure> {
        let inbox = EventInbox()
        var configuration = ClientConfiguration(baseURL: settings.apiURL, token: token)
        configuration.onPause = { until in
            inbox.post(.apiPaused(APIPause(reason: "GitHub's secondary rate limit", until: until)))
        }
        let client = GitHubClient(configuration: configuration)
        let runner = EffectRunner(client: client, inbox: inbox, downloadDirectory: settings.downloadDirectory)
        var board: MetricsBoard?
        var server: MetricsServer?
        if let host = options.metricsHost {
            let metrics = MetricsBoard(client: client)
            do {
                server = try await MetricsServer(host: host, port: options.metricsPort, board: metrics)
            } catch {
                await runner.shutdown()
                return .failure(.cannotListen("\(error)"))
            }
            board = metrics
            options.onListening(server?.port ?? 0)
        }
        let signals = SignalRelay(inbox: inbox)
        inbox.post(.archivesFound(ArchiveScanner.scan(settings.downloadDirectory)))
        let refused: Bool = await MainActor.run { [board] in
            let state = DashboardState(now: Date(), size: Size(width: 120, height: 40), session: settings.session)
            let runtime = WatchRuntime(runner: runner, inbox: inbox, state: state, board: board, emit: emit)
            runtime.run()
            return runtime.refused
        }
        signals.cancel()
        await server?.stop()
        await runner.shutdown()
        if let signal = signals.lastSignal { return .success(128 + signal) }
        return refused ? .failure(.refused) : .success(0)
    }
}

/// Why `migdash watch` stopped on its own.
public enum WatchFailure: Error, Sendable {
    /// The metrics address could not be bound.
    case cannotListen(String)
    /// GitHub refused the token; nobody is there to give another.
    case refused
}
