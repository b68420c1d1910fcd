import DashboardCore
import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into quit events, so the terminal is restored on the normal path
/// rather than by ncurses' own handler (which exits without running our cleanup).
final class SignalRelay {
    private var sources: [any DispatchSourceSignal] = []

    /// Starts relaying the signals to the inbox.
    init(inbox: EventInbox, signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { @Sendable in inbox.post(.quitRequested) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops relaying.
    func cancel() {
        sources.forEach { $0.cancel() }
        sources.removeAll()
    }
}
