import Dispatch
import Foundation
import Synchronization

/// SHA-256 on a thread of its own, at background priority, over chunks a reader hands over in order.
///
/// The reader owns the chunks' memory: it hands a chunk over with a semaphore and does not touch the
/// chunk again until the worker signals it, after hashing. `finish()` waits for every chunk and returns
/// the digest; `stop()` ends the thread without one. One of them must be called, once.
final class HashWorker: @unchecked Sendable {
    // A chunk is handed from the reader to the worker; the semaphores order every access to its memory.
    private enum Job: @unchecked Sendable {
        case chunk(UnsafeRawBufferPointer, done: DispatchSemaphore)
        case stop
    }

    // Only the worker thread touches the digest until `finished` is signalled.
    private let digest = SHA256Digest()
    private let jobs = Mutex<[Job]>([])
    private let available = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the worker thread.
    init() {
        let thread = Thread { [self] in run() }
        thread.name = "migdash.sha256"
        thread.start()
    }

    /// Hashes `bytes` next, then signals `done`.
    func hash(_ bytes: UnsafeRawBufferPointer, then done: DispatchSemaphore) {
        submit(.chunk(bytes, done: done))
    }

    /// Waits for every chunk handed over, ends the thread, and returns the digest as lowercase hex.
    func finish() -> String {
        submit(.stop)
        finished.wait()
        return digest.hexDigest()
    }

    /// Ends the thread once the chunks handed over are hashed, and waits for it.
    func stop() {
        submit(.stop)
        finished.wait()
    }

    private func submit(_ job: Job) {
        jobs.withLock { $0.append(job) }
        available.signal()
    }

    private func run() {
        BackgroundPriority.applyToCurrentThread()
        while true {
            available.wait()
            switch jobs.withLock({ $0.removeFirst() }) {
            case .chunk(let bytes, let done):
                digest.update(bytes)
                done.signal()
            case .stop:
                finished.signal()
                return
            }
        }
    }
}
