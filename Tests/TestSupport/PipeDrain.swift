import Foundation
import Synchronization

/// Reads a pipe to its end on a thread of its own and keeps everything read, so a child never blocks
/// on a full pipe and a test can look at what it printed so far.
///
/// A dedicated thread rather than a dispatch queue: a read that blocks for the life of a child must not
/// hold one of the few threads that Swift concurrency and `Process` itself need.
public final class PipeDrain: Sendable {
    private struct Contents {
        var data = Data()
        var ended = false
        var waiters: [CheckedContinuation<Data, Never>] = []
    }

    private let contents = Mutex(Contents())

    /// Starts draining `handle` at once.
    public init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                contents.withLock { $0.data.append(chunk) }
            }
            let (data, waiters) = contents.withLock { contents in
                contents.ended = true
                defer { contents.waiters = [] }
                return (contents.data, contents.waiters)
            }
            for waiter in waiters { waiter.resume(returning: data) }
        }
        thread.name = "PipeDrain"
        thread.start()
    }

    /// Everything read so far, decoded as UTF-8.
    public var text: String {
        contents.withLock { String(decoding: $0.data, as: UTF8.self) }
    }

    /// Waits for the end of the pipe and returns everything read.
    public func finish() async -> Data {
        await withCheckedContinuation { continuation in
            let data: Data? = contents.withLock { contents in
                if contents.ended { return contents.data }
                contents.waiters.append(continuation)
                return nil
            }
            if let data { continuation.resume(returning: data) }
        }
    }
}
