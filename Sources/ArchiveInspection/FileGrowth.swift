import Foundation

/// How far a file that is still being written has got, shared between its writer and a reader
/// following it.
///
/// A download appends to its `.part` file and calls `advance(to:)`; an `ArchiveInspector` reading
/// the same file waits here whenever it has caught up, instead of taking the end of the bytes so
/// far for the end of the file. `finish()` says the file is whole; `abandon()` stops the reader
/// (the file was truncated, or the download gave up), which then ends with `CancellationError`.
public final class FileGrowth: @unchecked Sendable {
    /// What the reader may do next.
    enum Wait: Equatable {
        /// Bytes up to this size are in the file.
        case readable(Int64)
        /// The file is whole, and the reader has read all of it.
        case finished
        /// Stop reading.
        case abandoned
    }

    // Guards the three fields below, and wakes a reader waiting for them to change.
    private let condition = NSCondition()
    private var written: Int64
    private var finished = false
    private var abandoned = false

    /// Growth of a file that holds `written` bytes now.
    public init(written: Int64 = 0) {
        self.written = written
    }

    /// Bytes written so far (the final size once finished).
    public var bytes: Int64 {
        condition.withLock { written }
    }

    /// The writer has `size` bytes in the file.
    public func advance(to size: Int64) {
        condition.withLock {
            written = size
            condition.broadcast()
        }
    }

    /// The file is whole: a reader at its end has reached the end.
    public func finish() {
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    /// Stops the reader, wherever it is.
    public func abandon() {
        condition.withLock {
            abandoned = true
            condition.broadcast()
        }
    }

    /// Blocks until the file holds more than `offset` bytes, is finished, or is abandoned. Bytes not
    /// yet read come first: `finished` only once `offset` is the file's final size.
    func wait(beyond offset: Int64) -> Wait {
        condition.withLock {
            while !abandoned && !finished && written <= offset { condition.wait() }
            if abandoned { return .abandoned }
            return written > offset ? .readable(written) : .finished
        }
    }
}
