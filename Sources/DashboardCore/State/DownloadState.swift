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
    /// Bytes read back so far once every byte is in and the archive is being verified; nil before.
    public var verified: Int64?
    /// Bytes on disk at the first progress report, and when it came: the rate counts from here, so
    /// bytes an earlier attempt left in the partial file do not pass for speed.
    public var baselineBytes: Int64?
    /// When the first progress report came.
    public var baselineAt: Date?

    /// Creates a download that starts now.
    public init(started: Date) {
        self.started = started
        updated = started
    }

    /// Records a progress report: `received` bytes on disk of `total`, at `time`.
    public mutating func record(received: Int64, total: Int64?, at time: Date) {
        if baselineBytes == nil {
            baselineBytes = received
            baselineAt = time
        }
        self.received = received
        self.total = total
        updated = time
    }

    /// Bytes per second received since the first progress report.
    public var rate: Double {
        guard let baselineBytes, let baselineAt else { return 0 }
        let elapsed = updated.timeIntervalSince(baselineAt)
        return elapsed > 0 ? Double(received - baselineBytes) / elapsed : 0
    }

    /// Seconds left at the current rate, when the total is known.
    public var eta: Double? {
        guard let total, rate > 0 else { return nil }
        return Double(total - received) / rate
    }
}
