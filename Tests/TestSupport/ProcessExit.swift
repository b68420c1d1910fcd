import Foundation
import Synchronization

/// Awaits a `Process`'s end without blocking a thread: `Process.waitUntilExit` spins a run loop on the
/// calling thread, which in async code can starve the threads that notice the child ended.
///
/// Holds the `Process` until it ends: Foundation reports the end of a child only while its `Process`
/// object is alive, and Swift may release a local one as soon as `run()` returns.
public final class ProcessExit: Sendable {
    private struct Status {
        var process: Process?
        var code: Int32?
        var waiters: [CheckedContinuation<Int32, Never>] = []
    }

    private let status: Mutex<Status>

    /// Installs the watch as `process`'s termination handler; call it before `run()`.
    public init(watching process: Process) {
        status = Mutex(Status(process: process))
        process.terminationHandler = { [self] ended in
            let code = ended.terminationStatus
            let waiters = status.withLock { status in
                status.code = code
                status.process = nil
                defer { status.waiters = [] }
                return status.waiters
            }
            ended.terminationHandler = nil
            for waiter in waiters { waiter.resume(returning: code) }
        }
    }

    /// True once the process has ended.
    public var hasEnded: Bool { status.withLock { $0.code != nil } }

    /// The exit status, once the process has ended.
    public func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let code: Int32? = status.withLock { status in
                if let code = status.code { return code }
                status.waiters.append(continuation)
                return nil
            }
            if let code { continuation.resume(returning: code) }
        }
    }
}
