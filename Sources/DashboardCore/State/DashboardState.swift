import Foundation
import GitHubMigrations
import TerminalUI

/// Everything the dashboard knows. Only the reducer changes it; views only read it.
public struct DashboardState: Sendable {
    /// The time of the latest event.
    public var now: Date
    /// The terminal's size.
    public var size: Size
    /// Facts fixed for this run.
    public var session: SessionInfo
    /// The key table.
    public var keymap: Keymap = .defaults
    /// The signed-in user, once known.
    public var user: String?
    /// The organizations being watched, once known.
    public var orgs: [String] = []
    /// The focused pane.
    public var focus: PaneID = .migrations
    /// Selection and scroll of each pane.
    public var cursors: [PaneID: ListCursor] = [:]
    /// Every migration seen, by key. Changed only through `record` and `forget`, which keep `moving`.
    public private(set) var migrations: [MigrationKey: Migration] = [:]
    /// The migrations pending or exporting: what the poll planner follows, without a pass over them all.
    public private(set) var moving: Set<MigrationKey> = []
    /// The migrations pane's rows in order, after filter and sort; rebuilt only when they change.
    public internal(set) var migrationOrder: [MigrationKey] = []
    /// Repositories each migration reported, loaded on demand.
    public var repositories: [MigrationKey: [SimpleRepository]] = [:]
    /// Repository lists asked for and not yet loaded, or whose load failed (selecting it again retries
    /// only after `r`, which forgets failures).
    public var repositoryLoads: [MigrationKey: RepositoryLoad] = [:]
    /// Repositories unlocked (or found not locked) per migration.
    public var unlocked: [MigrationKey: Set<String>] = [:]
    /// Migrations whose archive was deleted from this dashboard.
    public var archivesDeleted: Set<MigrationKey> = []
    /// When each exported migration was exported, as far as the API lets us know: the earliest
    /// `updated_at` seen while it was `exported` (GitHub reports no export time, and a later change to
    /// the migration must not restart its archive's seven days).
    public internal(set) var exportedAt: [MigrationKey: Date] = [:]
    /// When earlier runs first saw each migration exported, from the journal: merged into `exportedAt`
    /// as migrations arrive.
    public internal(set) var journalExported: [MigrationKey: Date] = [:]
    /// When exports started and ended, finished ones to estimate from, and the history in the details.
    public internal(set) var exports = ExportBook()
    /// Followed source imports, in order of following.
    public var imports: [ImportEntry] = []
    /// True while the repositories are being probed for source imports.
    public var importsDiscovering = false
    /// Set when GitHub answered that the Source Imports API is retired.
    public var importsRetired: String?
    /// The activity log, newest first, bounded.
    public var activity: [ActivityEntry] = []
    /// Whether the data is current.
    public var connection: ConnectionStatus = .connecting
    /// The latest rate limit.
    public var rateLimit: RateLimit?
    /// Each list pane's filter: `/` types into the focused pane's.
    public var filters: [PaneID: String] = [:]
    /// The migrations pane's filter.
    public var filter: String {
        get { filters[.migrations] ?? "" }
        set { filters[.migrations] = newValue.isEmpty ? nil : newValue }
    }
    /// The repositories pane's order.
    public var repositorySort: RepositorySort = .listed
    /// The source imports pane's order.
    public var importSort: ImportSort = .followed
    /// True while the filter line has the keyboard; it edits the focused pane's filter.
    public var filterEditing = false
    /// The migrations pane's order.
    public var sort: MigrationSort = .newest
    /// True once the user moved the migrations selection: from then on it follows the migration chosen,
    /// even while lists are still arriving.
    public var selectionPinned = false
    /// What covers the panes.
    public var overlay: Overlay?
    /// Changes sent to GitHub whose outcome is not known yet.
    public var pendingWrites: [PendingWrite] = []
    /// A new-migration form whose start failed, kept with its picks so `n` offers it again.
    public var retryForm: NewMigrationForm?
    /// Downloads in progress.
    public var downloads: [MigrationKey: DownloadState] = [:]
    /// Downloads waiting for a free slot (or for the rate limit to reset), first in line first.
    public var downloadQueue: [MigrationKey] = []
    /// True once auto-download has asked about archives exported before this run (it asks once).
    public var backlogAsked = false
    /// A wait the API client is in for all requests (a secondary rate limit), and until when.
    public var apiPause: APIPause?
    /// Archives on disk, by migration.
    public var downloaded: [MigrationKey: String] = [:]
    /// Readings of downloaded archives, by migration.
    public var inspections: [MigrationKey: InspectionState] = [:]
    /// The polling schedule.
    public var poll = PollSchedule()
    /// Each watched scope's list: its pages and when each was read.
    public var listings: [MigrationScope: ScopeListing] = [:]
    /// Where and in which reading each migration was last seen in its scope's list.
    public var sightings: [MigrationKey: Sighting] = [:]
    /// Migrations started from here and not yet seen in their list, with when: a page asked for before
    /// the start was answered does not hold them, and must not count as their leaving.
    public internal(set) var unlistedStarts: [MigrationKey: Date] = [:]
    /// Page readings so far, numbering each one.
    public var pageReadings = 0
    /// The requests sent in the last minute against the budget a minute.
    public var budget = RequestBudget()
    /// A one-line notice in the status bar (e.g. "read-only"), until it expires.
    public var notice: (text: String, until: Date)?
    /// Rows marked for a batch action.
    public var marks = Marks()
    /// What each batch key would act on among the focused pane's marks (`countBatches`), for the footer.
    public internal(set) var batchCounts: [Command: Int] = [:]
    /// Batches of changes to GitHub, sent one action at a time, a second apart; the first one runs.
    public var batches: [ActionBatch] = []
    /// When the latest action of a batch was sent: the next waits `ActionBatch.spacing` after it.
    public var lastBatchWrite: Date?
    /// Until when a second `q` leaves although a batch is under way.
    public var quitArmedUntil: Date?
    /// Set once the user asked to leave.
    public var quitting = false
    /// What changed at GitHub or on disk since a consumer last took the changes (`migdash watch`).
    public var changes = ChangeFeed()
    /// Desktop notifications asked for this turn, sent as one at its closing tick.
    public var alerts = AlertTally()

    /// Records a migration as GitHub reported it.
    public mutating func record(_ migration: Migration, for key: MigrationKey) {
        migrations[key] = migration
        if migration.state.isActive { moving.insert(key) } else { moving.remove(key) }
    }

    /// Forgets a migration the list no longer shows.
    public mutating func forget(_ key: MigrationKey) {
        migrations[key] = nil
        moving.remove(key)
        marks.migrations.remove(key)
    }

    /// The state at launch.
    public init(now: Date, size: Size, session: SessionInfo) {
        self.now = now
        self.size = size
        self.session = session
        budget = RequestBudget(perMinute: session.requestBudget)
    }

    /// The scopes whose migrations are shown: the user's own, then each watched organization.
    public var watchedScopes: [MigrationScope] {
        (session.watchesUser ? [.user] : []) + orgs.map(MigrationScope.organization)
    }

    /// What the status bar's account of the data rests on: the account until it is known, then each
    /// watched scope's list.
    public var watchedTargets: [PollTarget] { user == nil ? [.account] : watchedScopes.map(PollTarget.front) }

    /// How fresh the whole list is: the oldest of the watched scopes' latest answers, nil until each
    /// has answered once.
    public var lastRefresh: Date? {
        var oldest: Date?
        for scope in watchedScopes {
            guard let answered = poll.entry(.front(scope))?.lastSuccess else { return nil }
            oldest = min(oldest ?? answered, answered)
        }
        return oldest
    }

    /// Why the latest poll of a watched target failed, when one did: what an empty list says instead
    /// of "no migrations yet".
    public var pollProblem: String? {
        watchedTargets.lazy.compactMap { poll.entry($0)?.problem }.first
    }

    /// How long an answer may take beyond the cadence before the data counts as overdue: a request's
    /// time-out, as the client gives up after it.
    public static let overdueGrace: TimeInterval = 30

    /// True when a scope's newest page is older than its planned interval promises (a poll that hangs, a
    /// body that trickles, a budget that cannot keep up): the panes then say `stale` even though no
    /// request has failed yet.
    public var isOverdue: Bool {
        watchedTargets.contains { target in
            guard let entry = poll.entry(target), let answered = entry.lastSuccess, !entry.isFailing else {
                return false
            }
            return now.timeIntervalSince(answered) > entry.planned.interval + Self.overdueGrace
        }
    }

    /// True while a scope's latest poll failed: its rows are stale.
    public func isFailing(_ scope: MigrationScope) -> Bool {
        poll.entry(.front(scope))?.isFailing ?? false
    }

    /// The cursor of a pane.
    public func cursor(_ pane: PaneID) -> ListCursor { cursors[pane] ?? ListCursor() }

    /// The selected migration's key.
    public var selectedMigration: MigrationKey? {
        let index = cursor(.migrations).selected
        return migrationOrder.indices.contains(index) ? migrationOrder[index] : nil
    }

    /// The repositories shown for the selected migration.
    public var selectedRepositories: [SimpleRepository] {
        guard let key = selectedMigration else { return [] }
        if let loaded = repositories[key] { return loaded }
        return migrations[key]?.repositories ?? []
    }

    /// The repository selected in the Repositories pane.
    public var selectedRepository: SimpleRepository? {
        let index = cursor(.repositories).selected
        let listed = listedRepositories
        return listed.indices.contains(index) ? listed[index] : nil
    }

    /// The selected import.
    public var selectedImport: ImportEntry? {
        let index = cursor(.imports).selected
        let listed = listedImports
        return listed.indices.contains(index) ? listed[index] : nil
    }

    /// Whether a repository of a migration is locked, as far as the dashboard can know:
    /// GitHub does not report locks, so a repository of a locking migration counts as locked until unlocked.
    public func isLocked(_ key: MigrationKey, repository: String) -> Bool {
        guard let migration = migrations[key], migration.lockRepositories else { return false }
        return !(unlocked[key]?.contains(repository) ?? false)
    }

    /// The number of rows a pane lists.
    public func rowCount(_ pane: PaneID) -> Int {
        switch pane {
        case .migrations: migrationOrder.count
        case .repositories: listedRepositories.count
        case .imports: listedImports.count
        case .activity: activity.count
        }
    }

    /// When an exported migration's archive expires: seven days after its export.
    public func archiveExpiry(_ key: MigrationKey) -> Date? {
        guard let migration = migrations[key], migration.state == .exported else { return nil }
        return (exportedAt[key] ?? migration.updatedAt).addingTimeInterval(Self.archiveLifetime)
    }

    /// How long GitHub keeps a migration archive.
    public static let archiveLifetime: TimeInterval = 7 * 86_400
}
