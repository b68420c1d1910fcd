import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into an awaitable event, so shutdown runs on the normal path
/// instead of inside a signal handler.
enum SignalWaiter {
    /// Returns the first of the signals to arrive.
    static func wait(for signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) async -> Int32 {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let sources = signals.map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { @Sendable in continuation.yield(number) }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        for await number in stream { return number }
        return SIGTERM
    }
}
