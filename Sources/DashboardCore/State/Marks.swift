import GitHubMigrations

/// Rows marked for a batch action (`Space`, `*`). A mark belongs to the item, not to a row number, so
/// it survives polling, sorting and filtering; it goes when the item does.
public struct Marks: Sendable, Equatable {
    /// Marked migrations.
    public var migrations: Set<MigrationKey> = []
    /// Marked repositories, each of the migration that listed it.
    public var repositories: Set<RepositoryMark> = []
    /// Marked source imports.
    public var imports: Set<RepositoryName> = []

    /// No marks.
    public init() {}

    /// An item a mark can belong to: a row of one of the three panes that mark.
    public enum Item: Sendable, Hashable {
        case migration(MigrationKey)
        case repository(RepositoryMark)
        case sourceImport(RepositoryName)
    }

    /// True when the item is marked.
    public func contains(_ item: Item) -> Bool {
        switch item {
        case .migration(let key): migrations.contains(key)
        case .repository(let mark): repositories.contains(mark)
        case .sourceImport(let repo): imports.contains(repo)
        }
    }

    /// Marks the item.
    public mutating func insert(_ item: Item) {
        switch item {
        case .migration(let key): migrations.insert(key)
        case .repository(let mark): repositories.insert(mark)
        case .sourceImport(let repo): imports.insert(repo)
        }
    }

    /// Unmarks the item.
    public mutating func remove(_ item: Item) {
        switch item {
        case .migration(let key): migrations.remove(key)
        case .repository(let mark): repositories.remove(mark)
        case .sourceImport(let repo): imports.remove(repo)
        }
    }

    /// How many items of a pane are marked (the Activity pane has no marks).
    public func count(_ pane: PaneID) -> Int {
        switch pane {
        case .migrations: migrations.count
        case .repositories: repositories.count
        case .imports: imports.count
        case .activity: 0
        }
    }

    /// True when nothing is marked anywhere.
    public var isEmpty: Bool { migrations.isEmpty && repositories.isEmpty && imports.isEmpty }

    /// Forgets the marks of a pane.
    public mutating func clear(_ pane: PaneID) {
        switch pane {
        case .migrations: migrations = []
        case .repositories: repositories = []
        case .imports: imports = []
        case .activity: break
        }
    }
}

/// A repository as a migration listed it: what a mark in the Repositories pane and an unlock name.
public struct RepositoryMark: Sendable, Hashable, Comparable {
    /// The migration that listed (and may have locked) it.
    public var migration: MigrationKey
    /// The repository's name.
    public var name: String

    /// Creates a mark.
    public init(_ migration: MigrationKey, _ name: String) {
        self.migration = migration
        self.name = name
    }

    /// By name, then by migration id: how confirmations list them.
    public static func < (lhs: RepositoryMark, rhs: RepositoryMark) -> Bool {
        (lhs.name, lhs.migration.id) < (rhs.name, rhs.migration.id)
    }
}
