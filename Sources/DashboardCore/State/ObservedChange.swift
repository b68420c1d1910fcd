import Foundation
import GitHubMigrations

/// A change the dashboard saw in what GitHub or the download folder holds, with the time it was seen:
/// what `migdash watch` reports, and what a consumer that keeps history records. The reducer appends
/// these to `DashboardState.changes` as it learns of them; a consumer takes them with `take()`.
public enum ObservedChange: Sendable, Equatable {
    /// A migration seen for the first time. `alreadyThere` is true when it was on a page's first reading:
    /// it existed before this run looked, rather than appearing while watched.
    case migrationAppeared(MigrationKey, Migration, alreadyThere: Bool, at: Date)
    /// A migration's state changed from `from` to the migration's current state.
    case migrationChanged(MigrationKey, from: MigrationState, Migration, at: Date)
    /// Every page of the scope was read since the migration was last seen: it left GitHub's list.
    case migrationGone(MigrationKey, at: Date)
    /// An import's status changed (`from` is nil for the first reading).
    case importChanged(RepositoryName, from: ImportStatus?, SourceImport, at: Date)
    /// An import answered 404: it was cancelled or never existed.
    case importGone(RepositoryName, at: Date)
    /// An archive was downloaded, verified and recorded at `path`.
    case downloadFinished(MigrationKey, path: String, at: Date)
    /// A download failed for the reason given.
    case downloadFailed(MigrationKey, reason: String, at: Date)
    /// Something worth keeping went wrong or right again: the data went stale (`offline`, `retrying`,
    /// `rate-limit`, `unauthorized`) or current again (`recovered`), or GitHub's secondary limit held
    /// every request (`secondary-limit`).
    case problem(kind: String, message: String, at: Date)
}

/// The changes not yet taken, bounded: a consumer that stops taking them costs memory up to `capacity`
/// changes, and the oldest are dropped (and counted) past that.
public struct ChangeFeed: Sendable {
    /// The most changes kept between two takes.
    public static let capacity = 10_000
    /// The changes in the order seen.
    public private(set) var pending: [ObservedChange] = []
    /// Changes dropped because nobody took them in time.
    public private(set) var dropped = 0

    /// An empty feed.
    public init() {}

    /// Adds a change, dropping the oldest past `capacity`. The reducer is the one writer.
    public mutating func append(_ change: ObservedChange) {
        if pending.count >= Self.capacity {
            pending.removeFirst(pending.count - Self.capacity + 1)
            dropped = dropped.addingReportingOverflow(1).overflow ? Int.max : dropped + 1
        }
        pending.append(change)
    }

    /// Takes every change seen since the last take.
    public mutating func take() -> [ObservedChange] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }
}
