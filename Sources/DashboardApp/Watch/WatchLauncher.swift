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
    /// Ends the run when the reader of standard output goes away, not only at the next write.
    public var endsWithOutput = false
    /// Hears, once, that the journal cannot be kept (`no journal: …`) or was damaged and moved aside: the
    /// line the dashboard shows in its footer, for a run that has none.
    public var onJournalNotice: @Sendable (String) -> Void = { _ in }

    /// No metrics.
    public init() {}

    /// Options that only say, on standard error through `say`, when the journal cannot be kept: what
    /// `migdash wait` and `backup` run with.
    public static func sayingJournalNotices(_ say: @escaping @Sendable (String) -> Void) -> WatchOptions {
        var options = WatchOptions()
        options.onJournalNotice = say
        return options
    }
}

/// How a headless run ended.
public struct WatchOutcome: Sendable {
    /// The signal that stopped it, if one did.
    public var signal: Int32?
    /// True when the reader of standard output went away.
    public var outputClosed = false
    /// True when GitHub refused the token.
    public var refused: Bool
    /// The state at the end: what a command that waited for something reads its answer from.
    public var state: DashboardState
}

/// Starts a headless run (`migdash watch`, `migdash wait`): the client, the effect runner and the signal
/// relay of the dashboard, the headless loop, and the metrics server; and stops them all on the way out.
public enum WatchLauncher {
    /// Runs until SIGINT, SIGTERM or SIGHUP, until GitHub refuses the token, or until `done` holds for the
    /// state (looked at by `deadline` at the latest). `emit` gets the events of each turn, on the loop's thread.
    public static func run(
        _ settings: Settings, token: String, options: WatchOptions, deadline: Date? = nil,
        done: @escaping @Sendable (DashboardState) -> Bool = { _ in false },
        emit: @escaping @Sendable ([WatchEvent]) -> Void
    ) async -> Result<WatchOutcome, WatchFailure> {
        let inbox = EventInbox()
        let runner = EffectRunner.wired(settings, apiURL: settings.apiURL, token: token, inbox: inbox)
        var board: MetricsBoard?
        var server: MetricsServer?
        if let host = options.metricsHost {
            let metrics = MetricsBoard(client: runner.client, wake: { inbox.wake() })
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
        let (refused, closed, state): (Bool, Bool, DashboardState) = await MainActor.run { [board] in
            let state = DashboardState(now: Date(), size: Size(width: 120, height: 40), session: settings.session)
            let runtime = WatchRuntime(
                runner: runner, inbox: inbox, state: state, board: board, deadline: deadline,
                watchingOutput: options.endsWithOutput ? STDOUT_FILENO : nil, done: done,
                journalNotice: options.onJournalNotice, emit: emit)
            runtime.run()
            return (runtime.refused, runtime.outputClosed, runtime.state)
        }
        signals.cancel()
        await server?.stop()
        await runner.shutdown()
        runner.recorder?.flush()
        return .success(
            WatchOutcome(signal: signals.lastSignal, outputClosed: closed, refused: refused, state: state))
    }
}

/// Why `migdash watch` could not start.
public enum WatchFailure: Error, Sendable {
    /// The metrics address could not be bound.
    case cannotListen(String)
}
