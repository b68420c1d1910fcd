import GitHubMigrations

/// The `L` overlay: every repository still locked by a migration, narrowed by a typed name, to unlock
/// by name without knowing which migration locked it.
public struct LockedList: Sendable, Equatable {
    /// Text the repository names must contain; empty lists them all.
    public var filter = ""
    /// The selected entry, in the filtered list.
    public var selected = 0
    /// The first line shown.
    public var top = 0

    /// The list as `L` opens it.
    public init() {}

    /// One locked repository and the migrations that locked it (a repository exported twice is
    /// locked by both until each lock is lifted).
    public struct Entry: Sendable, Equatable {
        /// The repository's name, as the unlock request names it.
        public var name: String
        /// `owner/name`, as the migration listed it: names alone clash across organizations.
        public var fullName: String
        /// The migrations that still hold it locked, oldest first.
        public var migrations: [MigrationKey]
    }

    /// Every locked repository, by `owner/name`, whatever the filter.
    public static func all(in state: DashboardState) -> [Entry] {
        var byName: [String: (name: String, migrations: [MigrationKey])] = [:]
        for mark in state.allLockedRepositories {
            byName[state.fullName(of: mark), default: (mark.name, [])].migrations.append(mark.migration)
        }
        return byName.keys.sorted().map { key in
            Entry(name: byName[key]?.name ?? key, fullName: key, migrations: byName[key]?.migrations ?? [])
        }
    }

    /// The entries of `all` the filter lets through.
    public func shown(_ all: [Entry]) -> [Entry] {
        filter.isEmpty ? all : all.filter { $0.fullName.localizedCaseInsensitiveContains(filter) }
    }

    /// The entries the filter lets through, by name.
    public func entries(in state: DashboardState) -> [Entry] { shown(Self.all(in: state)) }
}
