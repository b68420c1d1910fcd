import Synchronization

/// Keeps the runner's running tasks so they can be cancelled on quit; finished tasks drop out.
final class TaskTracker: Sendable {
    private struct Books {
        var running: [Int: Task<Void, Never>] = [:]
        var finishedEarly: Set<Int> = []
        var next = 0
        /// Tasks that can be cancelled by name (a download, by its migration).
        var named: [String: Int] = [:]
    }
    private let books = Mutex(Books())

    /// Starts `work` as a tracked task; a `name` lets `cancel(named:)` stop it.
    func start(named name: String? = nil, _ work: @escaping @Sendable () async -> Void) {
        let id = books.withLock { books in
            books.next += 1
            if let name { books.named[name] = books.next }
            return books.next
        }
        let task = Task { [self] in
            await work()
            books.withLock { books in
                if books.running.removeValue(forKey: id) == nil { books.finishedEarly.insert(id) }
                if let name, books.named[name] == id { books.named[name] = nil }
            }
        }
        books.withLock { books in
            if books.finishedEarly.remove(id) == nil { books.running[id] = task }
        }
    }

    /// Cancels the running task started with `name`, if there is one.
    func cancel(named name: String) {
        books.withLock { books in
            guard let id = books.named.removeValue(forKey: name) else { return }
            books.running[id]?.cancel()
        }
    }

    /// Cancels every running task.
    func cancelAll() {
        books.withLock { books in
            books.running.values.forEach { $0.cancel() }
            books.running.removeAll()
        }
    }
}

/// Lets a progress callback through at most once per interval, so a fast download does not flood the loop.
final class ProgressThrottle: Sendable {
    private let last = Mutex<ContinuousClock.Instant?>(nil)
    private let interval: Duration

    init(interval: Double) {
        self.interval = .milliseconds(Int64(interval * 1000))
    }

    /// True when enough time passed since the last report.
    func shouldReport() -> Bool {
        let now = ContinuousClock.now
        return last.withLock { previous in
            if let previous, now - previous < interval { return false }
            previous = now
            return true
        }
    }
}
