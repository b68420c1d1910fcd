import Synchronization

/// A flag set from a task's cancellation handler and read by work running on another thread.
final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)

    /// Raises the flag.
    func set() {
        value.store(true, ordering: .relaxed)
    }

    /// Whether the flag is raised.
    func isSet() -> Bool {
        value.load(ordering: .relaxed)
    }
}
