import Foundation
import Synchronization

/// Wall-clock time (or a frozen start) plus an offset that tests move forward instead of sleeping.
final class SimulatorClock: Sendable {
    private let offset = Mutex<Double>(0)
    private let frozenAt: Date?

    /// A clock that runs with the wall clock, or that stands still at its start until advanced.
    init(frozen: Bool = false) {
        frozenAt = frozen ? Date() : nil
    }

    /// The simulator's current time.
    var now: Date {
        (frozenAt ?? Date()).addingTimeInterval(offset.withLock { $0 })
    }

    /// Moves simulated time forward; negative values are ignored, since time never runs back.
    func advance(seconds: Double) {
        guard seconds > 0, seconds.isFinite else { return }
        offset.withLock { $0 += seconds }
    }
}
