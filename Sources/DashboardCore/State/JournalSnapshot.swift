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
    /// Where a damaged file found at `path` was moved before a new journal was made there, if one was.
    public var movedAside: String?
    /// Repositories earlier runs unlocked (or found not locked), by migration.
    public var unlocked: [MigrationKey: Set<String>] = [:]
    /// Archives earlier runs deleted.
    public var archivesDeleted: Set<MigrationKey> = []

    /// A snapshot.
    public init(
        path: String, activity: [ActivityEntry], firstExported: [MigrationKey: Date],
        exportTimings: [MigrationKey: ExportTiming] = [:], exportSamples: [ExportSample] = [],
        movedAside: String? = nil
    ) {
        self.path = path
        self.activity = activity
        self.firstExported = firstExported
        self.exportTimings = exportTimings
        self.exportSamples = exportSamples
        self.movedAside = movedAside
    }

    /// What the user reads when a damaged journal was moved aside: a journal is kept, so not "no journal".
    public var movedAsideText: String? {
        movedAside.map { "the journal was damaged and moved to \($0); a new one is kept" }
    }
}
