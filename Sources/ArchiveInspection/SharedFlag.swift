import Synchronization

/// A yes/no that one thread raises and others read: a cancelled inspection, a transfer that is over,
/// a flush under way. A class, so closures running on other threads can hold it (an `Atomic` alone
/// cannot be captured).
public final class SharedFlag: Sendable {
    private let value = Atomic<Bool>(false)

    /// A lowered flag.
    public init() {}

    /// Raises the flag.
    public func set() {
        value.store(true, ordering: .sequentiallyConsistent)
    }

    /// Lowers the flag.
    public func clear() {
        value.store(false, ordering: .sequentiallyConsistent)
    }

    /// Raises the flag; true when it was raised already.
    public func testAndSet() -> Bool {
        value.exchange(true, ordering: .sequentiallyConsistent)
    }

    /// Whether the flag is raised.
    public func isSet() -> Bool {
        value.load(ordering: .sequentiallyConsistent)
    }
}
