import Foundation
import GitHubMigrations

extension Reducer {
    /// The user is known: decide which organizations to watch and poll everything at once.
    static func connected(_ state: inout DashboardState, user: String, orgs: [String], at time: Date) -> [Effect] {
        state.user = user
        state.orgs = state.session.configuredOrgs.isEmpty ? orgs : state.session.configuredOrgs
        noteRecovery(&state, .account, at: time)
        state.poll.remove(.account)
        for scope in state.watchedScopes { state.poll.add(.scope(scope)) }
        state.poll.add(.archives)
        log(&state, .info, "connected to \(state.session.host) as \(user)", at: time)
        var effects = pollEffects(&state)
        effects.append(.discoverImports)
        state.importsDiscovering = true
        return effects
    }

    /// A scope's migrations arrived: record state changes, ring for finished ones, keep the selection.
    static func migrationsLoaded(
        _ state: inout DashboardState, scope: MigrationScope, list: [Migration], at time: Date
    ) -> [Effect] {
        var effects: [Effect] = []
        let target = PollTarget.scope(scope)
        // A scope's first answer is what was there already: no "appeared" lines, no auto-downloads.
        let firstLoad = state.poll.entry(target)?.lastSuccess == nil
        // Until every scope has answered, the newest migration stays selected whatever scope answers
        // first, unless the user has already moved: then the migration they chose stays selected.
        let selected = everyScopeAnswered(state) || state.selectionPinned ? state.selectedMigration : nil
        var seen = Set<MigrationKey>()
        for migration in list {
            let key = MigrationKey(scope: scope, id: migration.id)
            seen.insert(key)
            let previous = state.migrations[key]
            state.migrations[key] = migration
            if migration.state == .exported {
                state.exportedAt[key] = min(state.exportedAt[key] ?? migration.updatedAt, migration.updatedAt)
            }
            if let previous, previous.state != migration.state {
                log(&state, .change, "\(migration.id) \(scope)  \(previous.state) → \(migration.state)", at: time)
                if migration.state.isFinished, state.session.bell { effects.append(.bell) }
            } else if previous == nil, !firstLoad {
                log(&state, .change, "\(migration.id) \(scope)  appeared as \(migration.state)", at: time)
            }
            // Reached `exported` while watched (or appeared exported after the scope's first answer); what
            // was exported before is the backlog, which auto-download asks about once.
            if migration.state == .exported, !firstLoad, previous?.state != .exported {
                effects += autoDownload(&state, key: key, migration: migration, at: time)
            }
        }
        for key in state.migrations.keys where key.scope == scope && !seen.contains(key) {
            state.migrations[key] = nil
            state.exportedAt[key] = nil
        }
        rebuildMigrationOrder(&state, keeping: selected)
        effects += resolveLostStarts(&state, scope, list, at: time)
        pollSucceeded(&state, target, at: time)
        effects += askAboutBacklog(&state)
        return deduplicated(effects)
    }

    /// True once every watched scope has answered at least once.
    static func everyScopeAnswered(_ state: DashboardState) -> Bool {
        state.user != nil && state.watchedScopes.allSatisfy { state.poll.entry(.scope($0))?.lastSuccess != nil }
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
        keys.sort { a, b in
            let x = migrations[a]!
            let y = migrations[b]!
            switch state.sort {
            case .newest: return (x.createdAt, x.id) > (y.createdAt, y.id)
            case .updated: return (x.updatedAt, x.id) > (y.updatedAt, y.id)
            case .state: return (stateRank(x.state), y.createdAt, x.id) < (stateRank(y.state), x.createdAt, y.id)
            case .scope: return (a.scope.description, y.createdAt, x.id) < (b.scope.description, x.createdAt, y.id)
            case .timeLeft, .notDownloaded:
                let (p, q) = (deadlines[a] ?? .infinity, deadlines[b] ?? .infinity)
                return p != q ? p < q : (x.createdAt, x.id) > (y.createdAt, y.id)
            }
        }
        state.migrationOrder = keys
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
