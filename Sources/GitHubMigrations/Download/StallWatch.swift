import ArchiveModel

/// Tells a transfer that still moves from one that only trickles: bytes are counted over windows of
/// `window`, on the monotonic clock, and a window that brought fewer than `minimumRate` bytes a second is
/// a stall. Checked as blocks arrive; silence itself is the connection's idle timeout's business.
struct StallWatch {
    private let window: Duration
    private let minimumRate: Int64
    private let clock = ContinuousClock()
    private var start: ContinuousClock.Instant
    private var bytes: Int64 = 0

    /// A watch whose first window starts now.
    init(window: Duration, minimumRate: Int64) {
        self.window = window
        self.minimumRate = max(0, minimumRate)
        start = clock.now
    }

    /// Counts `size` bytes just received; returns why the transfer counts as stalled, or nil.
    mutating func record(_ size: Int64) -> String? {
        bytes = ByteCount.sum(bytes, size)
        let elapsed = clock.now - start
        guard elapsed >= window else { return nil }
        let seconds = max(Double(elapsed.components.seconds), 1)
        // Doubles: a rate times a window in bytes needs no overflow check.
        guard Double(bytes) < Double(minimumRate) * seconds else {
            start = clock.now
            bytes = 0
            return nil
        }
        return
            "the storage sent \(ByteCount.text(bytes)) in \(Int64(seconds)) s, slower than \(ByteCount.text(minimumRate))/s"
    }
}
