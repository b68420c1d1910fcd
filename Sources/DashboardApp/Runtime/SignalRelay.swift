import DashboardCore
import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT, SIGTERM and SIGHUP into quit events, so the terminal is restored on the normal path
/// rather than by ncurses' own handler (which exits without running our cleanup).
final class SignalRelay {
    private var sources: [any DispatchSourceSignal] = []
    private let received = LatestSignal()

    /// The latest signal relayed, if any: a headless run ends with 128 + it, as a shell reports it.
    var lastSignal: Int32? { received.value.withLock { $0 } }

    /// Starts relaying the signals to the inbox.
    init(inbox: EventInbox, signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { @Sendable [received] in
                received.value.withLock { $0 = number }
                inbox.post(.quitRequested)
            }
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

/// The latest signal, shared between the handlers (any thread) and the run that reads it at the end.
private final class LatestSignal: Sendable {
    let value = Mutex<Int32?>(nil)
}
