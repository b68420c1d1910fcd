import Foundation

/// A download in progress: bytes so far, the total when known, and enough history for a rate.
public struct DownloadState: Sendable, Equatable {
    /// Bytes written so far.
    public var received: Int64 = 0
    /// The archive's size, when the storage said.
    public var total: Int64?
    /// When the download started.
    public var started: Date
    /// When the last progress arrived.
    public var updated: Date

    /// Creates a download that starts now.
    public init(started: Date) {
        self.started = started
        updated = started
    }

    /// Bytes per second since the start.
    public var rate: Double {
        let elapsed = updated.timeIntervalSince(started)
        return elapsed > 0 ? Double(received) / elapsed : 0
    }

    /// Seconds left at the current rate, when the total is known.
    public var eta: Double? {
        guard let total, rate > 0 else { return nil }
        return Double(total - received) / rate
    }
}
