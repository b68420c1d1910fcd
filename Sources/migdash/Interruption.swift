import Foundation
import Synchronization

/// Turns the first SIGINT or SIGTERM during a piece of work into the work's cancellation, so it stops
/// on the normal path (the download keeps its `.part`) and the command can say what it kept.
final class Interruption: Sendable {
    private let caught = Mutex<Int32?>(nil)

    /// Creates a watch; signals are taken only while `run` runs.
    init() {}

    /// The signal that cancelled the work, if one did.
    var signal: Int32? { caught.withLock { $0 } }

    /// The exit status a shell reports for a program ended by `signal`: 130 for SIGINT, 143 for SIGTERM.
    static func exitStatus(_ signal: Int32) -> Int32 { 128 + signal }

    /// Runs `work` in a task that the first SIGINT or SIGTERM cancels; a second one ends the process at
    /// once, as it would have without this watch.
    func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await work() }
        let watcher = Task {
            let number = await SignalWaiter.wait(for: [SIGINT, SIGTERM])
            guard !Task.isCancelled else { return }
            caught.withLock { $0 = number }
            Self.restoreDefaults()
            task.cancel()
        }
        let value = await task.value
        watcher.cancel()
        await watcher.value
        Self.restoreDefaults()
        return value
    }

    private static func restoreDefaults() {
        for number in [SIGINT, SIGTERM] { Foundation.signal(number, SIG_DFL) }
    }
}
