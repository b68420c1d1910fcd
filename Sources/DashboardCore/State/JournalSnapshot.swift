import Foundation

/// What the journal remembers from earlier runs, as the dashboard uses it at launch: the latest history
/// for the Activity pane, and when each migration was first seen exported (its archive's seven days).
public struct JournalSnapshot: Sendable, Equatable {
    /// Where the journal is, for the Activity pane's first line.
    public var path: String
    /// Earlier entries, newest first, already one safe line each.
    public var activity: [ActivityEntry]
    /// When each migration was first seen exported, in any earlier run.
    public var firstExported: [MigrationKey: Date]
    /// When each migration's export started and ended, as earlier runs saw it.
    public var exportTimings: [MigrationKey: ExportTiming]
    /// The latest exports earlier runs measured exactly, newest first: what estimates start from.
    public var exportSamples: [ExportSample]

    /// A snapshot.
    public init(
        path: String, activity: [ActivityEntry], firstExported: [MigrationKey: Date],
        exportTimings: [MigrationKey: ExportTiming] = [:], exportSamples: [ExportSample] = []
    ) {
        self.path = path
        self.activity = activity
        self.firstExported = firstExported
        self.exportTimings = exportTimings
        self.exportSamples = exportSamples
    }
}
