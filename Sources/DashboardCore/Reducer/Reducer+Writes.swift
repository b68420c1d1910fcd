import Foundation
import GitHubMigrations

extension Reducer {
    /// Sends a change to GitHub, unless the same change is still out: a write is never sent twice
    /// while its first answer is awaited (a second POST would start a second migration).
    static func submit(_ state: inout DashboardState, _ action: Action) -> [Effect] {
        if let pending = state.pendingWrites.first(where: { $0.action.conflicts(with: action) }) {
            notify(&state, "\(action.attemptText): \(pending.label) wait for GitHub's answer")
            return []
        }
        var write = PendingWrite(action: action, sentAt: state.now)
        if case .startMigration(let scope, _) = action {
            write.knownIDs = Set(state.migrations.keys.filter { $0.scope == scope }.map(\.id))
        }
        state.pendingWrites.append(write)
        return [.perform(action)]
    }

    /// GitHub answered a write: it is no longer pending.
    static func writeAnswered(_ state: inout DashboardState, _ action: Action) {
        state.pendingWrites.removeAll { $0.action == action }
    }

    /// GitHub started the migration: show it at once, select it, and close the dialog that asked.
    static func migrationStarted(
        _ state: inout DashboardState, _ scope: MigrationScope, _ request: StartMigrationRequest,
        _ migration: Migration, at time: Date
    ) -> [Effect] {
        writeAnswered(&state, .startMigration(scope, request))
        let effects = recordStart(&state, scope, request, migration, note: "", at: time)
        return effects + (batchAnswered(&state, .startMigration(scope, request), failure: nil, at: time) ?? [])
    }

    /// A write failed. When its answer was lost rather than refused, a migration start may have
    /// happened: it stays pending while the list is checked for it, so nothing is sent twice.
    /// Returns the effects of that check, or nil when the failure is an ordinary one for the caller.
    static func writeFailed(_ state: inout DashboardState, _ action: Action, _ error: GitHubError, at time: Date)
        -> [Effect]?
    {
        guard let index = state.pendingWrites.firstIndex(where: { $0.action == action }) else { return nil }
        guard case .startMigration(let scope, _) = action, error.mayHaveTakenEffect else {
            state.pendingWrites.remove(at: index)
            return nil
        }
        state.pendingWrites[index].phase = .checking(until: time.addingTimeInterval(PendingWrite.checkWindow))
        log(
            &state, .error,
            "a migration for \(scope) may have been started: \(error.userMessage) Checking the list before anything is sent again.",
            at: time)
        notify(&state, "may have been started; checking")
        updateStartDialog(&state, action, .checking)
        state.poll.makeDue(.front(scope))
        return pollEffects(&state)
    }

    /// A scope's list arrived: a start whose answer was lost is found in it (a new id with the same
    /// repositories), or, once the check window has passed without one, counted as not made.
    static func resolveLostStarts(
        _ state: inout DashboardState, _ scope: MigrationScope, _ list: [Migration], at time: Date
    )
        -> [Effect]
    {
        var effects: [Effect] = []
        for write in state.pendingWrites {
            guard case .startMigration(scope, let request) = write.action, case .checking(let until) = write.phase
            else { continue }
            if let found = list.first(where: { !write.knownIDs.contains($0.id) && request.matches($0) }) {
                writeAnswered(&state, write.action)
                effects += recordStart(
                    &state, scope, request, found, note: " (found in the list; the answer was lost)", at: time)
                effects += batchAnswered(&state, write.action, failure: nil, at: time) ?? []
            } else if time >= until {
                writeAnswered(&state, write.action)
                let minutes = Int(PendingWrite.checkWindow / 60)
                let text =
                    "no migration of \(request.repositories.joined(separator: ", ")) appeared in \(scope) within "
                    + "\(minutes) minutes: the start did not go through. Start it again if you still want it."
                log(&state, .error, text, at: time)
                updateStartDialog(
                    &state, write.action,
                    .failed("not started: the answer was lost and no migration appeared; Enter to try again"))
                effects +=
                    batchAnswered(&state, write.action, failure: "the answer was lost; not started", at: time) ?? []
            }
        }
        return effects
    }

    /// Gives up checking lost starts that can no longer be checked: those of a scope no longer watched,
    /// and (from the clock) those whose window passed a minute ago without a list to check them in.
    /// The user is told to look before starting again; the dialog's picks stay for that.
    @discardableResult
    static func abandonLostStarts(_ state: inout DashboardState, in scope: MigrationScope? = nil, at time: Date)
        -> [Effect]
    {
        var effects: [Effect] = []
        for write in state.pendingWrites {
            guard case .startMigration(let writeScope, let request) = write.action,
                case .checking(let until) = write.phase,
                scope.map({ $0 == writeScope }) ?? (time >= until.addingTimeInterval(60))
            else { continue }
            writeAnswered(&state, write.action)
            let text =
                "could not check whether the migration of \(request.repositories.joined(separator: ", ")) "
                + "for \(writeScope) started (its list did not answer); look before starting it again"
            log(&state, .error, text, at: time)
            updateStartDialog(&state, write.action, .failed("not known whether it started; look in the list first"))
            effects += batchAnswered(&state, write.action, failure: "not known whether it started", at: time) ?? []
        }
        return effects
    }

    /// Puts a started migration on screen and says so.
    private static func recordStart(
        _ state: inout DashboardState, _ scope: MigrationScope, _ request: StartMigrationRequest,
        _ migration: Migration, note: String, at time: Date
    ) -> [Effect] {
        let key = MigrationKey(scope: scope, id: migration.id)
        // The first start of a batch is selected; the later ones leave the selection where the user put it.
        let laterInBatch =
            state.batches.first.map {
                !$0.done.isEmpty && $0.current == .startMigration(scope, request)
            } ?? false
        if state.migrations[key] == nil { state.record(migration, for: key) }
        // New migrations come first in GitHub's lists: it is on page 1, which is now read quickly.
        state.sightings[key] = Sighting(page: 1, reading: state.pageReadings)
        state.unlistedStarts[key] = time
        rebuildMigrationOrder(&state, keeping: laterInBatch ? state.selectedMigration : key)
        replan(&state)
        let locked = request.lockRepositories ? " (locked)" : ""
        log(
            &state, .action,
            "started migration \(migration.id) for \(scope): \(request.repositories.joined(separator: ", "))\(locked)\(note)",
            at: time)
        notify(&state, "started migration \(migration.id)")
        if case .newMigration(let form) = state.overlay, form.status != nil, form.scope == scope { state.overlay = nil }
        state.retryForm = nil
        state.poll.makeDue(.front(scope))
        return pollEffects(&state)
    }

    /// Shows a start's progress in its dialog if that is open, and in the form kept for a retry.
    static func updateStartDialog(_ state: inout DashboardState, _ action: Action, _ status: NewMigrationForm.Status) {
        guard case .startMigration(let scope, let request) = action else { return }
        if case .newMigration(var form) = state.overlay, form.scope == scope, form.request == request {
            form.status = status
            state.overlay = .newMigration(form)
        }
        if var form = state.retryForm, form.scope == scope, form.request == request {
            form.status = status
            state.retryForm = form
        }
    }
}

extension Action {
    /// True when sending `other` while this is out could repeat it: the same action, or a migration
    /// start of the same repositories in the same scope.
    func conflicts(with other: Action) -> Bool {
        if self == other { return true }
        guard case .startMigration(let scope, let request) = self,
            case .startMigration(let otherScope, let otherRequest) = other
        else { return false }
        return scope == otherScope && Set(request.repositories) == Set(otherRequest.repositories)
    }
}

extension GitHubError {
    /// True when the request may have reached GitHub and taken effect although no answer says so: a
    /// timeout, a server error or a connection lost. A refusal (4xx, a rate limit) changed nothing.
    public var mayHaveTakenEffect: Bool {
        [.serverError, .offline, .timeout, .malformedResponse, .unexpectedStatus].contains(kind)
    }
}
