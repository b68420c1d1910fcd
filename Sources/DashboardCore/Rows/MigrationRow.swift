import ArchiveModel
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
    /// A shorter archive text for a narrow column (`41% 3s 889Ki/s`: no arrow, the time left before
    /// the rate, so a cut takes the least useful part), nil when `archive` is already short.
    public var archiveCompact: String?
    /// How long the export took (`12m`, `~2h 5m` when migdash was not watching throughout), or has been
    /// taking with the estimate of what is left (`4m · 9m left`); blank when it never exported.
    public var export: String
    /// The export column without the estimate (`4m`), nil when `export` has none.
    public var exportCompact: String?

    /// Builds the row of a migration in a state, its times in the session's zone.
    public init(_ key: MigrationKey, _ migration: Migration, in state: DashboardState) {
        let format = state.session.timeFormat
        self.key = key
        id = String(migration.id)
        scope = key.scope.description
        self.state = migration.state.rawValue
        stateRole = Self.role(of: migration.state)
        // A list that left the repositories out is blank until they are loaded for the pane.
        let count =
            state.repositories[key]?.count ?? (migration.repositoriesExcluded ? nil : migration.repositories.count)
        repositories = count.map(String.init) ?? ""
        created = format.day(migration.createdAt, now: state.now)
        updated = format.day(migration.updatedAt, now: state.now)
        (archive, archiveRole) = Self.archive(key, migration, in: state)
        archiveCompact = state.downloads[key].flatMap(Self.compactProgress)
        let span = state.exportSpan(key)
        if let span, !span.finished, let estimate = state.exportEstimate(key) {
            export = "\(span.text) · \(estimate.shortText)"
            exportCompact = span.text
        } else {
            export = span?.text ?? ""
            exportCompact = nil
        }
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

    /// `41% 3s 889Ki/s` while bytes arrive; nil before the first and while verifying.
    private static func compactProgress(_ download: DownloadState) -> String? {
        guard download.verified == nil, download.received > 0 else { return nil }
        let percent = download.total.map { "\(Int(Double(download.received) * 100 / Double(max($0, 1))))%" } ?? ""
        let eta = download.eta.map { " " + TimeFormat.duration($0).replacingOccurrences(of: " ", with: "") } ?? ""
        let rate = download.rate > 0 ? " \(compactBytes(download.rate))/s" : ""
        return "\(percent)\(eta)\(rate)".trimmingCharacters(in: .whitespaces)
    }

    /// `878Ki`, `12Mi`: whole binary units, in their short IEC names.
    private static func compactBytes(_ rate: Double) -> String {
        let units = ["B", "Ki", "Mi", "Gi", "Ti"]
        var value = max(0, rate)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return "\(Int(value))\(units[unit])"
    }

    private static func archive(_ key: MigrationKey, _ migration: Migration, in state: DashboardState)
        -> (String, ThemeRole)
    {
        if let download = state.downloads[key] {
            if let verified = download.verified {
                let share = Int(Double(verified) * 100 / Double(max(download.total ?? 1, 1)))
                return ("verifying \(share)%", .emphasis)
            }
            if download.received == 0 { return ("↓ starting", .emphasis) }
            // The share when the size is known, else the bytes so far; the rate once it can be measured.
            let done =
                download.total.map { "\(Int(Double(download.received) * 100 / Double(max($0, 1))))%" }
                ?? ByteCount.text(download.received)
            let rate = download.rate > 0 ? " \(ByteCount.text(Int64(download.rate)))/s" : ""
            let eta = download.eta.map { " " + TimeFormat.duration($0) } ?? ""
            return ("↓ \(done)\(rate)\(eta)", .emphasis)
        }
        if let place = state.downloadQueue.firstIndex(of: key) { return ("queued #\(place + 1)", .emphasis) }
        if let write = state.pendingWrites.first(where: { $0.action == .deleteArchive(key) }) {
            return (write.label, .emphasis)
        }
        if state.batches.contains(where: { $0.archivesWaiting.contains(key) }) {
            return ("delete queued", .emphasis)
        }
        guard migration.state == .exported else { return ("-", .muted) }
        let saved = state.downloaded[key] != nil
        let mark = saved ? "✓ " : ""
        if state.archivesDeleted.contains(key) { return (mark + "deleted", .muted) }
        guard let expiry = state.archiveExpiry(key) else { return ("-", .muted) }
        let left = expiry.timeIntervalSince(state.now)
        if left <= 0 { return (mark + "expired", .muted) }
        let text = mark + TimeFormat.duration(left) + " left"
        if saved { return (text, .downloaded) }
        return (text, left < 86400 ? .expiryWarning : .normal)
    }
}
