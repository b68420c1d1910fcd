import Synchronization

/// The client's waits in progress (secondary-limit pauses, backoffs), so `cancelWaits()` can end them all
/// at once: the dashboard's `r` must send now, not after a pause the server asked for.
final class WaitBoard: Sendable {
    private struct State {
        var generation = 0
        var next = 0
        var sleepers: [Int: Task<Void, any Error>] = [:]
    }

    private let state = Mutex(State())

    /// Counts `cancelAll` calls; read it before deciding to wait, and pass it to `wait`.
    var generation: Int { state.withLock { $0.generation } }

    /// Sleeps `seconds` with `sleep`. Returns early, without an error, when `cancelAll` runs meanwhile or
    /// has run since `generation` was read (the wait was decided before the cancel and is void).
    /// - Throws: `CancellationError` when the calling task itself is cancelled.
    func wait(
        _ seconds: Double, decidedAt generation: Int, sleep: @escaping @Sendable (Double) async throws -> Void
    ) async throws {
        let sleeper = Task { try await sleep(seconds) }
        let id: Int? = state.withLock { state in
            guard state.generation == generation else { return nil }
            state.next += 1
            state.sleepers[state.next] = sleeper
            return state.next
        }
        guard let id else {
            sleeper.cancel()
            return
        }
        defer { state.withLock { _ = $0.sleepers.removeValue(forKey: id) } }
        do {
            try await withTaskCancellationHandler {
                try await sleeper.value
            } onCancel: {
                sleeper.cancel()
            }
        } catch is CancellationError where !Task.isCancelled {
            // Cut short by `cancelAll`: go on at once.
        }
    }

    /// Ends every wait in progress, and any decided but not yet begun.
    func cancelAll() {
        let sleepers = state.withLock { state in
            state.generation += 1
            defer { state.sleepers = [:] }
            return Array(state.sleepers.values)
        }
        for sleeper in sleepers { sleeper.cancel() }
    }
}
