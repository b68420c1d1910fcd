import Synchronization

/// Hands the bound port from Hummingbird's `onServerRunning` to the task awaiting `start()`,
/// whichever of the two happens first (the simulator's listeners and `migdash watch`'s metrics server).
public final class StartupSignal: Sendable {
    private enum State {
        case waiting(CheckedContinuation<Int, any Error>?)
        case done(Result<Int, any Error>)
    }

    private let state = Mutex<State>(.waiting(nil))

    /// A signal not yet resolved.
    public init() {}

    /// Delivers the outcome; only the first call counts.
    public func resolve(_ result: Result<Int, any Error>) {
        let continuation = state.withLock { state -> CheckedContinuation<Int, any Error>? in
            guard case .waiting(let continuation) = state else { return nil }
            state = .done(result)
            return continuation
        }
        continuation?.resume(with: result)
    }

    /// Waits for the bound port, or throws why the server could not listen.
    public func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<Int, any Error>? in
                if case .done(let result) = state { return result }
                state = .waiting(continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }
}

/// Why a simulator could not start.
public enum SimulatorError: Error, Sendable, Equatable {
    /// A listener ended before it accepted connections.
    case stoppedBeforeListening
}
