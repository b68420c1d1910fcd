import Foundation
import GitHubMigrations

extension Reducer {
    /// The user is known: decide which organizations to watch and read page 1 of each list at once.
    static func connected(_ state: inout DashboardState, user: String, orgs: [String], at time: Date) -> [Effect] {
        state.user = user
        let watched = state.session.configuredOrgs.isEmpty ? orgs : state.session.configuredOrgs
        state.orgs = state.session.watchesOrganizations ? watched : []
        noteRecovery(&state, .account, at: time)
        state.poll.remove(.account)
        for scope in state.watchedScopes { state.poll.add(.front(scope)) }
        state.poll.add(.archives)
        replan(&state)
        log(&state, .info, "connected to \(state.session.host) as \(user)", at: time)
        var effects = pollEffects(&state)
        if state.session.discoversImports {
            effects.append(.discoverImports)
            state.importsDiscovering = true
        }
        return effects
    }

    /// One page of a scope's list arrived: merge what changed, note where each migration was seen, learn
    /// how many pages there are, and drop migrations the whole list no longer shows. A page unchanged
    /// since the last reading only vouches for the migrations it held.
    static func migrationPageLoaded(
        _ state: inout DashboardState, scope: MigrationScope, page: Int, _ list: ListPage<Migration>, at time: Date
    ) -> [Effect] {
        let target = PollTarget.page(scope, page)
        guard state.watchedScopes.contains(scope), state.poll.entry(target) != nil else { return [] }
        // A page's first reading is what was there already: no "appeared" lines, no auto-downloads.
        let firstRead = state.poll.entry(target)?.lastSuccess == nil
        let keep = selectionToKeep(state)
        var listing = state.listings[scope] ?? ScopeListing()
        var hasNext = list.hasNext
        let held = list.items?.count ?? listing.members[page]?.count ?? 0
        if hasNext, held < list.perPage || page >= ScopeListing.maxPages {
            // GitHub fills every page but the last: a short page naming a next one is a list that never ends.
            hasNext = false
            if !listing.endlessReported {
                listing.endlessReported = true
                let text =
                    "\(target.label): pagination did not end (page \(page) holds \(held) and names a next page); "
                    + "the list is taken to end there"
                log(&state, .error, text, at: time)
            }
        }
        state.pageReadings += 1
        let reading = state.pageReadings
        listing.read(page: page, hasNext: hasNext, lastPage: hasNext ? list.lastPage : nil, at: time, reading: reading)
        var effects: [Effect] = []
        var changed: [MigrationKey] = []
        var fresh: Set<MigrationKey> = []
        if let items = list.items {
            let ids = items.map(\.id)
            // Moving migrations this page held and no longer holds went down a page: followed alone until seen.
            for id in listing.members[page] ?? [] where !ids.contains(id) {
                let key = MigrationKey(scope: scope, id: id)
                if state.sightings[key]?.page == page { state.sightings[key]?.page = nil }
            }
            if listing.members[page] != ids { listing.lastShift = reading }
            listing.members[page] = ids
            state.listings[scope] = listing
            let merged = merge(&state, scope, items, page: page, reading: reading, quiet: firstRead, at: time)
            effects += merged.effects
            changed = merged.changed
            fresh = merged.fresh
        } else {
            state.listings[scope] = listing
            for id in listing.members[page] ?? [] {
                state.sightings[MigrationKey(scope: scope, id: id)]?.reading = reading
            }
        }
        let dropped = page >= listing.pages ? dropUnlisted(&state, scope, listing) : []
        updateMigrationOrder(&state, changed: changed, fresh: fresh, dropped: dropped, keeping: keep)
        // New migrations come first: a start whose answer was lost shows up on page 1, or not at all.
        if page == 1 { effects += resolveLostStarts(&state, scope, list.items ?? [], at: time) }
        pollSucceeded(&state, target, at: time)
        effects += askAboutBacklog(&state)
        return deduplicated(effects)
    }

    /// One migration followed alone arrived (nil: unchanged since the last reading).
    static func migrationLoaded(
        _ state: inout DashboardState, _ key: MigrationKey, _ migration: Migration?, at time: Date
    )
        -> [Effect]
    {
        let target = PollTarget.migration(key)
        // A migration followed by id is read this way from the first time; others only once listed.
        let known = state.migrations[key] != nil || state.session.followed.contains(key)
        guard state.poll.entry(target) != nil, known else { return [] }
        var effects: [Effect] = []
        if let migration {
            let keep = selectionToKeep(state)
            let merged = merge(
                &state, key.scope, [migration], page: nil, reading: state.pageReadings, quiet: false, at: time)
            effects += merged.effects
            updateMigrationOrder(&state, changed: merged.changed, fresh: merged.fresh, dropped: [], keeping: keep)
        } else {
            state.sightings[key]?.reading = state.pageReadings
        }
        pollSucceeded(&state, target, at: time)
        return deduplicated(effects)
    }

    /// Records migrations as read: state changes logged (and rung for finished ones), exports noted,
    /// auto-downloads started. Returns the keys that changed, so only their rows move.
    private static func merge(
        _ state: inout DashboardState, _ scope: MigrationScope, _ list: [Migration], page: Int?, reading: Int,
        quiet: Bool, at time: Date
    ) -> (effects: [Effect], changed: [MigrationKey], fresh: Set<MigrationKey>) {
        var effects: [Effect] = []
        var changed: [MigrationKey] = []
        var fresh: Set<MigrationKey> = []
        for migration in list {
            let key = MigrationKey(scope: scope, id: migration.id)
            let previous = state.migrations[key]
            state.sightings[key] = Sighting(page: page ?? state.sightings[key]?.page, reading: reading)
            guard previous != migration else { continue }
            changed.append(key)
            if previous == nil {
                fresh.insert(key)
                state.changes.append(.migrationAppeared(key, migration, alreadyThere: quiet, at: time))
            }
            noteExport(&state, key, previous, migration, quiet: quiet, at: time)
            state.record(migration, for: key)
            if migration.state == .exported {
                let earliest = min(migration.updatedAt, state.journalExported[key] ?? migration.updatedAt)
                state.exportedAt[key] = min(state.exportedAt[key] ?? earliest, earliest)
            }
            if let previous, previous.state != migration.state {
                state.changes.append(.migrationChanged(key, from: previous.state, migration, at: time))
                log(&state, .change, "\(migration.id) \(scope)  \(previous.state) → \(migration.state)", at: time)
                if migration.state.isFinished {
                    let exported = migration.state == .exported
                    effects += alert(
                        &state, exported ? .migrationExported : .migrationFailed,
                        "migration \(key) \(exported ? "exported" : "failed")")
                }
            } else if previous == nil, !quiet {
                log(&state, .change, "\(migration.id) \(scope)  appeared as \(migration.state)", at: time)
            }
            // Reached `exported` while watched (or appeared exported after the page's first reading); what
            // was exported before is the backlog, which auto-download asks about once.
            if migration.state == .exported, !quiet, previous?.state != .exported {
                effects += autoDownload(&state, key: key, migration: migration, at: time)
            }
        }
        return (effects, changed, fresh)
    }

    /// The migration to keep selected when rows change: until the whole list is in, the newest stays
    /// selected whatever answers first, unless the user has already moved: then the one they chose stays.
    private static func selectionToKeep(_ state: DashboardState) -> MigrationKey? {
        everyScopeAnswered(state) || state.selectionPinned ? state.selectedMigration : nil
    }

    /// Once every page of a scope has been read since a migration was last seen in it, and since any page
    /// last changed (a new migration pushes every older one down a place, so one last seen at the bottom
    /// of page 1 may be on page 2 now, read before it moved), the migration is gone from GitHub's list
    /// and from the dashboard's.
    private static func dropUnlisted(_ state: inout DashboardState, _ scope: MigrationScope, _ listing: ScopeListing)
        -> Set<MigrationKey>
    {
        guard let complete = listing.oldestReading, listing.lastShift < complete else { return [] }
        var dropped: Set<MigrationKey> = []
        for key in state.migrations.keys where key.scope == scope {
            guard (state.sightings[key]?.reading ?? -1) < complete else { continue }
            state.forget(key)
            state.exportedAt[key] = nil
            state.sightings[key] = nil
            dropped.insert(key)
            state.changes.append(.migrationGone(key, at: state.now))
        }
        return dropped
    }

    /// True once every page of every watched scope has been read at least once: the whole list is in.
    static func everyScopeAnswered(_ state: DashboardState) -> Bool {
        state.user != nil && state.watchedScopes.allSatisfy { state.listings[$0]?.isComplete ?? false }
    }

    /// Rebuilds the migrations pane's row order after data, filter or sort changed,
    /// keeping the same migration selected when it is still listed.
    static func rebuildMigrationOrder(_ state: inout DashboardState, keeping selected: MigrationKey?) {
        let filter = state.filter.lowercased()
        var keys = state.migrations.keys.filter { key in
            filter.isEmpty || matches(state.migrations[key]!, key: key, filter: filter)
        }
        let migrations = state.migrations
        // The archive orders rank by a deadline, computed once per row rather than per comparison.
        let deadlines = archiveDeadlines(state, keys)
        let sort = state.sort
        keys.sort { a, b in
            let (x, y) = (migrations[a]!, migrations[b]!)
            switch sort {
            case .timeLeft, .notDownloaded:
                let (p, q) = (deadlines[a] ?? .infinity, deadlines[b] ?? .infinity)
                return p != q ? p < q : (x.createdAt, x.id) > (y.createdAt, y.id)
            default:
                return precedes(sort, a, x, b, y)
            }
        }
        state.migrationOrder = keys
        select(&state, selected)
    }

    /// Moves only the rows that changed (`fresh` ones are new, with no row yet): a page of 100 arriving in a list of 10,000 is 100 binary
    /// searches, not a sort of everything. The archive orders, which depend on the clock and the download
    /// folder, and changes to a large share of the rows are sorted whole.
    static func updateMigrationOrder(
        _ state: inout DashboardState, changed: [MigrationKey], fresh: Set<MigrationKey>,
        dropped: Set<MigrationKey>, keeping selected: MigrationKey?
    ) {
        guard !changed.isEmpty || !dropped.isEmpty else { return }
        let sort = state.sort
        guard sort != .timeLeft, sort != .notDownloaded,
            changed.count + dropped.count <= max(64, state.migrationOrder.count / 8)
        else { return rebuildMigrationOrder(&state, keeping: selected) }
        let migrations = state.migrations
        var keys = state.migrationOrder
        // Rows that were listed and changed (or went) leave first; new ones have no row to leave.
        var leaving = dropped
        for key in changed where !fresh.contains(key) { leaving.insert(key) }
        if !leaving.isEmpty { keys.removeAll { leaving.contains($0) } }
        let filter = state.filter.lowercased()
        for key in changed {
            guard let migration = migrations[key], filter.isEmpty || matches(migration, key: key, filter: filter)
            else { continue }
            // The first row the changed one does not come after; new pages of older migrations land at the end.
            var low = 0
            var high = keys.count
            if let last = keys.last, precedes(sort, last, migrations[last]!, key, migration) { low = high }
            while low < high {
                let middle = (low + high) / 2
                if precedes(sort, keys[middle], migrations[keys[middle]]!, key, migration) {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            keys.insert(key, at: low)
        }
        state.migrationOrder = keys
        select(&state, selected)
    }

    /// True when the row of `a` comes before the row of `b` in `sort` (not the archive orders).
    private static func precedes(
        _ sort: MigrationSort, _ a: MigrationKey, _ x: Migration, _ b: MigrationKey, _ y: Migration
    ) -> Bool {
        switch sort {
        case .newest, .timeLeft, .notDownloaded: (x.createdAt, x.id) > (y.createdAt, y.id)
        case .updated: (x.updatedAt, x.id) > (y.updatedAt, y.id)
        case .state: (stateRank(x.state), y.createdAt, x.id) < (stateRank(y.state), x.createdAt, y.id)
        case .scope: (a.scope.description, y.createdAt, x.id) < (b.scope.description, x.createdAt, y.id)
        }
    }

    /// Puts the selection back on `selected` when it is still listed, else keeps the row number in range.
    private static func select(_ state: inout DashboardState, _ selected: MigrationKey?) {
        let keys = state.migrationOrder
        var cursor = state.cursor(.migrations)
        if let selected, let index = keys.firstIndex(of: selected) {
            cursor.selected = index
        } else {
            cursor.clamp(count: keys.count)
        }
        state.cursors[.migrations] = cursor
    }

    /// For the archive orders, each listed archive's expiry (seconds since 1970): every live archive for
    /// "time left", only those not yet downloaded for "not downloaded". Rows without one sort after.
    private static func archiveDeadlines(_ state: DashboardState, _ keys: [MigrationKey]) -> [MigrationKey: Double] {
        guard state.sort == .timeLeft || state.sort == .notDownloaded else { return [:] }
        var deadlines: [MigrationKey: Double] = [:]
        for key in keys where !state.archivesDeleted.contains(key) {
            guard let expiry = state.archiveExpiry(key), expiry > state.now else { continue }
            if state.sort == .notDownloaded, state.downloaded[key] != nil { continue }
            deadlines[key] = expiry.timeIntervalSince1970
        }
        return deadlines
    }

    private static func matches(_ migration: Migration, key: MigrationKey, filter: String) -> Bool {
        if String(migration.id).contains(filter) || key.scope.description.lowercased().contains(filter) { return true }
        if migration.state.rawValue.contains(filter) { return true }
        return migration.repositories.contains { $0.fullName.lowercased().contains(filter) }
    }

    private static func stateRank(_ state: MigrationState) -> Int {
        switch state {
        case .exporting: 0
        case .pending: 1
        case .failed: 2
        case .exported: 3
        case .unknown: 4
        }
    }

    /// Removes repeated effects (e.g. two bells for one poll).
    static func deduplicated(_ effects: [Effect]) -> [Effect] {
        var result: [Effect] = []
        for effect in effects where !result.contains(effect) { result.append(effect) }
        return result
    }
}
