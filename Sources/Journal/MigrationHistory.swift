import DashboardCore
import Foundation

/// What the journal knows of one migration: when it was first seen, every state observed, and the
/// actions taken on it (requests and downloads).
public struct MigrationHistory: Sendable, Equatable {
    /// The migration.
    public var key: MigrationKey
    /// When migdash first saw it; nil when it never did (a download or a request may still be recorded).
    public var firstSeen: Date?
    /// GitHub's `created_at`, as last recorded.
    public var createdAt: Date?
    /// The options set on it: `lock_repositories`, `exclude_metadata`, ….
    public var flags: [String]
    /// The repositories' full names, as far as they were kept.
    public var repositories: [String]
    /// How many repositories it holds; nil when GitHub always left the list out.
    public var repositoryCount: Int?
    /// The states observed, oldest first.
    public var observations: [StateObservation]
    /// Requests sent about it and archives downloaded, oldest first.
    public var actions: [JournalEntry]

    /// A history.
    public init(
        key: MigrationKey, firstSeen: Date?, createdAt: Date?, flags: [String], repositories: [String],
        repositoryCount: Int?, observations: [StateObservation], actions: [JournalEntry]
    ) {
        self.key = key
        self.firstSeen = firstSeen
        self.createdAt = createdAt
        self.flags = flags
        self.repositories = repositories
        self.repositoryCount = repositoryCount
        self.observations = observations
        self.actions = actions
    }

    /// How long it took to export, or has been exporting at `now`; nil when it never exported.
    public func exportDuration(now: Date) -> ExportDuration? {
        ExportDuration.measure(observations, createdAt: createdAt, repositories: repositoryCount ?? 0, now: now)
    }
}
