import Foundation

/// What the dashboard knows of exports beyond GitHub's answer: when each started and ended (this run
/// and earlier runs, from the journal), finished exports to estimate from, and the history shown in the
/// details. Only the reducer changes it.
public struct ExportBook: Sendable {
    /// The most samples kept for estimates, newest first.
    public static let sampleLimit = 200

    /// Timings observed in this run.
    public internal(set) var observed: [MigrationKey: ExportTiming] = [:]
    /// Timings earlier runs recorded in the journal.
    public internal(set) var journal: [MigrationKey: ExportTiming] = [:]
    /// Exports measured exactly, newest first: the journal's and this run's.
    public internal(set) var samples: [ExportSample] = []
    /// The history of the migration whose details are open (one at a time, so it stays bounded).
    public internal(set) var history: [MigrationKey: HistoryLoad] = [:]

    /// An empty book.
    public init() {}

    /// The timing of a migration: this run's, completed by what earlier runs saw.
    public func timing(_ key: MigrationKey) -> ExportTiming? {
        guard let run = observed[key] else { return journal[key] }
        return run.completed(by: journal[key])
    }

    /// Adds a sample of this run, newest first, keeping at most `sampleLimit`.
    mutating func add(_ sample: ExportSample) {
        samples.insert(sample, at: 0)
        if samples.count > Self.sampleLimit { samples.removeLast(samples.count - Self.sampleLimit) }
    }
}
