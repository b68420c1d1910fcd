import Foundation
import GitHubMigrations

/// One row of the migrations pane, ready to draw: text per column and the role of the parts that carry colour.
public struct MigrationRow: Sendable, Equatable {
    /// The migration's key.
    public var key: MigrationKey
    /// `1042`.
    public var id: String
    /// `octo-org` or `user`.
    public var scope: String
    /// `exporting`.
    public var state: String
    /// The state's colour.
    public var stateRole: ThemeRole
    /// Number of repositories, blank when the response left them out.
    public var repositories: String
    /// When it was created.
    public var created: String
    /// When it last changed.
    public var updated: String
    /// The archive column: time left, `expired` or `deleted`, marked `✓` once downloaded; or download progress.
    public var archive: String
    /// The archive column's colour.
    public var archiveRole: ThemeRole

    /// Seven days: how long GitHub keeps an archive after export.
    public static let archiveLifetime: Double = 7 * 86400

    /// Builds the row of a migration in a state.
    public init(
        _ key: MigrationKey, _ migration: Migration, in state: DashboardState, format: TimeFormat = TimeFormat()
    ) {
        self.key = key
        id = String(migration.id)
        scope = key.scope.description
        self.state = migration.state.rawValue
        stateRole = Self.role(of: migration.state)
        repositories = migration.repositoriesExcluded ? "" : String(migration.repositories.count)
        created = format.day(migration.createdAt, now: state.now)
        updated = format.day(migration.updatedAt, now: state.now)
        (archive, archiveRole) = Self.archive(key, migration, in: state)
    }

    /// The colour of a migration state.
    public static func role(of state: MigrationState) -> ThemeRole {
        switch state {
        case .pending: .statePending
        case .exporting: .stateExporting
        case .exported: .stateExported
        case .failed: .stateFailed
        case .unknown: .stateUnknown
        }
    }

    private static func archive(_ key: MigrationKey, _ migration: Migration, in state: DashboardState)
        -> (String, ThemeRole)
    {
        if let download = state.downloads[key] {
            let percent = download.total.map { " \(Int(Double(download.received) * 100 / Double(max($0, 1))))%" } ?? ""
            let eta = download.eta.map { " " + TimeFormat.duration($0) } ?? ""
            return ("↓\(percent) \(TimeFormat.bytes(Int64(download.rate)))/s\(eta)", .emphasis)
        }
        guard migration.state == .exported else { return ("-", .muted) }
        let saved = state.downloaded[key] != nil
        let mark = saved ? "✓ " : ""
        if state.archivesDeleted.contains(key) { return (mark + "deleted", .muted) }
        let left = migration.updatedAt.addingTimeInterval(archiveLifetime).timeIntervalSince(state.now)
        if left <= 0 { return (mark + "expired", .muted) }
        let text = mark + TimeFormat.duration(left) + " left"
        if saved { return (text, .downloaded) }
        return (text, left < 86400 ? .expiryWarning : .normal)
    }
}
