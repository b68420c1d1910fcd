import Foundation
import GitHubMigrations

/// A followed source import and what is known of it.
public struct ImportEntry: Sendable, Equatable {
    /// The repository being imported into.
    public var repository: RepositoryName
    /// The latest progress, nil until loaded.
    public var progress: SourceImport?
    /// When the import last changed status.
    public var updated: Date?

    /// Creates an entry.
    public init(repository: RepositoryName, progress: SourceImport? = nil, updated: Date? = nil) {
        self.repository = repository
        self.progress = progress
        self.updated = updated
    }
}
