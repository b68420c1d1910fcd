import GitHubMigrations

extension DashboardState {
    /// Marked rows of the focused pane.
    public var markedInFocus: Int { marks.count(focus) }

    /// True when the row of a pane at `index` (in the pane's listed order) is marked. It lists the pane,
    /// so it is for one row: a view drawing rows asks `marks.contains` with each row's item.
    public func isMarked(_ pane: PaneID, row index: Int) -> Bool {
        markItems(pane, rows: index..<(index + 1)).first.map(marks.contains) ?? false
    }

    /// The items shown in rows `range` of a pane (the pane is listed once, whatever the range).
    public func markItems(_ pane: PaneID, rows range: Range<Int>) -> [Marks.Item] {
        switch pane {
        case .migrations:
            let order = migrationOrder
            return range.clamped(to: order.indices).map { .migration(order[$0]) }
        case .repositories:
            guard let key = selectedMigration else { return [] }
            let repos = listedRepositories
            return range.clamped(to: repos.indices).map { .repository(RepositoryMark(key, repos[$0].name)) }
        case .imports:
            let listed = listedImports
            return range.clamped(to: listed.indices).map { .sourceImport(listed[$0].repository) }
        case .activity:
            return []
        }
    }

    /// The marked migrations in the pane's order, then any the filter hides, by id.
    public var markedMigrations: [MigrationKey] {
        let shown = migrationOrder.filter { marks.migrations.contains($0) }
        let hidden = marks.migrations.subtracting(shown).sorted { $0.id < $1.id }
        return shown + hidden
    }

    /// Why a marked migration's archive is not downloaded by `d`, nil when it is.
    /// `queued` is the download queue as a set, for callers that ask about many.
    public func downloadSkip(_ key: MigrationKey, queued: Set<MigrationKey>? = nil) -> String? {
        guard let migration = migrations[key] else { return "gone" }
        if downloaded[key] != nil { return "already on disk" }
        if downloads[key] != nil || (queued?.contains(key) ?? downloadQueue.contains(key)) { return "already queued" }
        if archivesDeleted.contains(key) { return "deleted" }
        if migration.state != .exported { return "\(migration.state.rawValue), no archive" }
        return nil
    }

    /// Why a marked migration's archive is not deleted by `x`, nil when it is.
    public func deleteSkip(_ key: MigrationKey) -> String? {
        guard let migration = migrations[key] else { return "gone" }
        if archivesDeleted.contains(key) { return "already deleted" }
        if migration.state != .exported { return "\(migration.state.rawValue), no archive" }
        return nil
    }

    /// Counts what each batch key would act on among the focused pane's marks, for the footer: after the
    /// events that can change it, not on every frame (with 10,000 marked that is a pass over 10,000).
    mutating func countBatches() {
        guard markedInFocus > 0 else {
            if !batchCounts.isEmpty { batchCounts = [:] }
            return
        }
        var counts: [Command: Int] = [:]
        for command in [Command.download, .deleteArchive, .unlock, .cancelImport] {
            counts[command] = batchCount(of: command)
        }
        batchCounts = counts
    }

    /// How many things a batch key would act on among the focused pane's marks: one pass over the marks,
    /// no sorting, the queue looked up as a set.
    func batchCount(of command: Command) -> Int {
        switch (command, focus) {
        case (.download, .migrations):
            let queued = Set(downloadQueue)
            return marks.migrations.count { downloadSkip($0, queued: queued) == nil }
        case (.deleteArchive, .migrations): return marks.migrations.count { deleteSkip($0) == nil }
        case (.unlock, .migrations): return marks.migrations.reduce(0) { $0 + lockedRepositories(of: $1).count }
        case (.unlock, .repositories): return marks.repositories.count { isLocked($0.migration, repository: $0.name) }
        case (.cancelImport, .imports): return listedImports.count { marks.imports.contains($0.repository) }
        default: return 0
        }
    }

    /// The footer's word for a batch key while rows are marked: `download 3`, counting only what the key
    /// would act on; "" hides a key that would do nothing (unmark with nothing marked, delete with no
    /// archive among the marks); nil leaves the usual hint.
    func markedHint(of command: Command) -> String? {
        let count = markedInFocus
        switch command {
        case .clearMarks: return count == 0 ? "" : command.hint
        case .download, .deleteArchive, .unlock, .cancelImport:
            guard count > 0, command.panes?.contains(focus) ?? true else { return nil }
            let applies = batchCounts[command] ?? 0
            return applies == 0 ? "" : "\(command.hint) \(applies)"
        default: return nil
        }
    }

    /// What a key does while rows are marked, for the help; nil leaves the usual summary.
    func markedSummary(of command: Command) -> String? {
        let count = markedInFocus
        guard count > 0 else { return nil }
        let rows = count == 1 ? "the marked row" : "the \(count) marked rows"
        switch command {
        case .download where focus == .migrations: return "download the archives of \(rows)"
        case .deleteArchive where focus == .migrations: return "delete the archives of \(rows)"
        case .unlock where focus == .migrations: return "unlock the locked repositories of \(rows)"
        case .unlock where focus == .repositories: return "unlock \(rows)"
        case .cancelImport where focus == .imports: return "cancel the imports of \(rows)"
        case .cancelDownload where focus == .migrations: return "cancel the downloads of \(rows)"
        case .clearMarks: return "clear the \(count == 1 ? "mark" : "\(count) marks")"
        default: return nil
        }
    }

    /// The batch that runs now, if any.
    public var runningBatch: ActionBatch? { batches.first }
}

extension DashboardState {
    /// The names of a migration's repositories, as loaded for the pane or as its list gave them.
    public func repositoryNames(of key: MigrationKey) -> [String] {
        (repositories[key] ?? migrations[key]?.repositories ?? []).map(\.name)
    }

    /// `owner/name` of a migration's repository, as its list gave it; the name alone when unknown.
    public func fullName(of mark: RepositoryMark) -> String {
        let listed = repositories[mark.migration] ?? migrations[mark.migration]?.repositories ?? []
        return listed.first { $0.name == mark.name }?.fullName ?? mark.name
    }

    /// A migration's repositories that are still locked, as far as migdash knows (`isLocked`).
    public func lockedRepositories(of key: MigrationKey) -> [String] {
        guard migrations[key]?.lockRepositories == true else { return [] }
        return repositoryNames(of: key).filter { isLocked(key, repository: $0) }
    }

    /// Every repository still locked by any migration, by name then migration: the lock-hygiene list.
    /// Only migrations that locked are looked at, so the pass is over those, not over every row.
    public var allLockedRepositories: [RepositoryMark] {
        migrations.filter { $0.value.lockRepositories }.keys
            .flatMap { key in lockedRepositories(of: key).map { RepositoryMark(key, $0) } }
            .sorted()
    }
}
