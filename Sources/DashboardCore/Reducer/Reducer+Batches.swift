import Foundation
import GitHubMigrations

extension Reducer {
    /// How many ids or names a confirmation lists before "and N more".
    static let namesShown = 5

    /// `a, b, c and 4 more`.
    static func listed(_ names: [String]) -> String {
        let shown = names.prefix(namesShown)
        let rest = names.count - shown.count
        guard rest > 0 else {
            guard shown.count > 1 else { return shown.first ?? "" }
            return shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
        }
        return shown.joined(separator: ", ") + " and \(rest) more"
    }

    /// `1 archive`, `3 archives`.
    static func counted(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(plural ?? noun + "s")"
    }

    /// Skipped items, grouped by why: ` Skipped: 2 pending (1004, 1005), 1 already on disk (1001).`
    static func skippedText(_ skipped: [(String, String)]) -> String {
        skipped.isEmpty ? "" : " Skipped: " + reasons(skipped) + "."
    }

    /// `2 pending (1004, 1005); 1 already on disk (1001)`: names grouped by why, in order of first reason.
    static func reasons(_ skipped: [(String, String)]) -> String {
        var order: [String] = []
        var byReason: [String: [String]] = [:]
        for (name, reason) in skipped {
            if byReason[reason] == nil { order.append(reason) }
            byReason[reason, default: []].append(name)
        }
        let groups = order.map { reason in
            let names = byReason[reason] ?? []
            return "\(names.count) \(reason) (\(listed(names)))"
        }
        return groups.joined(separator: "; ")
    }

    // MARK: - Asking

    /// `d` with migrations marked: one question for every marked archive that can be downloaded.
    static func askBatchDownload(_ state: inout DashboardState) {
        var wanted: [MigrationKey] = []
        var skipped: [(String, String)] = []
        for key in state.markedMigrations {
            if let why = state.downloadSkip(key) { skipped.append((String(key.id), why)) } else { wanted.append(key) }
        }
        guard !wanted.isEmpty else {
            return notify(&state, "nothing to download: \(reasons(skipped))")
        }
        state.overlay = .confirm(
            Confirmation(
                work: .downloads(wanted), question: "Download \(counted(wanted.count, "archive"))?",
                consequence: "\(listed(wanted.map { String($0.id) })), "
                    + "\(state.session.downloadConcurrency) at a time through the download queue; D cancels one."
                    + skippedText(skipped)))
    }

    /// `x` with migrations marked: one question for every marked archive, warning of those not on disk.
    static func askBatchDelete(_ state: inout DashboardState) {
        var wanted: [MigrationKey] = []
        var skipped: [(String, String)] = []
        for key in state.markedMigrations {
            if let why = state.deleteSkip(key) { skipped.append((String(key.id), why)) } else { wanted.append(key) }
        }
        guard !wanted.isEmpty else {
            return notify(&state, "nothing to delete: \(reasons(skipped))")
        }
        let unsaved = wanted.filter { state.downloaded[$0] == nil }.map { String($0.id) }
        let warning: String
        if unsaved.isEmpty {
            warning = wanted.count == 1 ? " It is downloaded." : " Every one is downloaded."
        } else if unsaved.count == wanted.count {
            warning = wanted.count == 1 ? " It is NOT downloaded yet." : " NONE of them is downloaded yet."
        } else {
            warning = " \(listed(unsaved)) \(unsaved.count == 1 ? "is" : "are") NOT downloaded yet."
        }
        let batch = ActionBatch(title: "delete archives", actions: wanted.map { .deleteArchive($0) })
        state.overlay = .confirm(
            Confirmation(
                work: .batch(batch), question: "Delete \(counted(wanted.count, "archive"))?",
                consequence: "\(listed(wanted.map { String($0.id) })). GitHub deletes them for good, one a second; "
                    + "the migration records stay.\(warning)\(skippedText(skipped))"))
    }

    /// `u` with rows marked: every locked repository of the marked migrations, or the marked repositories.
    static func askBatchUnlock(_ state: inout DashboardState) {
        var wanted: [RepositoryMark] = []
        var skipped: [(String, String)] = []
        if state.focus == .repositories {
            for mark in state.marks.repositories.sorted() {
                if state.isLocked(mark.migration, repository: mark.name) {
                    wanted.append(mark)
                } else {
                    skipped.append((mark.name, "not locked"))
                }
            }
        } else {
            for key in state.markedMigrations {
                let locked = state.lockedRepositories(of: key)
                if locked.isEmpty { skipped.append((String(key.id), "with nothing locked")) }
                wanted += locked.map { RepositoryMark(key, $0) }
            }
        }
        askUnlock(&state, wanted, skipped: skipped, of: nil)
    }

    /// `U`: every locked repository of the selected migration, after one question.
    static func askUnlockAll(_ state: inout DashboardState) {
        guard let key = state.selectedMigration else { return notify(&state, "no migration selected") }
        let wanted = state.lockedRepositories(of: key).map { RepositoryMark(key, $0) }
        guard !wanted.isEmpty else {
            let why = state.migrations[key]?.lockRepositories == true ? "is still locked" : "was locked"
            return notify(&state, "no repository of \(key) \(why)")
        }
        askUnlock(&state, wanted, skipped: [], of: key)
    }

    /// One question before unlocking `wanted`.
    static func askUnlock(
        _ state: inout DashboardState, _ wanted: [RepositoryMark], skipped: [(String, String)], of key: MigrationKey?
    ) {
        guard !wanted.isEmpty else {
            return notify(&state, "none of the \(rows(skipped.count)) marked has a locked repository")
        }
        let migrations = Set(wanted.map(\.migration.id)).sorted().map(String.init)
        let from = key.map { " of \($0)" } ?? " (migration\(migrations.count == 1 ? "" : "s") \(listed(migrations)))"
        let batch = ActionBatch(
            title: "unlock repositories", actions: wanted.map { .unlock($0.migration, repository: $0.name) })
        // Unlocked before the export ends, a repository takes changes the archive will not hold.
        let moving = Set(wanted.map(\.migration)).filter { state.migrations[$0]?.state.isActive == true }
            .map { String($0.id) }.sorted()
        let early =
            moving.isEmpty
            ? ""
            : " \(listed(moving)) \(moving.count == 1 ? "is" : "are") STILL EXPORTING: changes made after the "
                + "unlock will not be in the archive."
        state.overlay = .confirm(
            Confirmation(
                work: .batch(batch), question: "Unlock \(counted(wanted.count, "repository", "repositories"))\(from)?",
                consequence: "\(listed(wanted.map(\.name))). "
                    + (wanted.count == 1
                        ? "It becomes writable again" : "They become writable again, one a second")
                    + "; do this once the migration is done.\(early)\(skippedText(skipped))"))
    }

    /// `c` with imports marked: one question for every marked import.
    static func askBatchCancel(_ state: inout DashboardState) {
        let wanted = state.listedImports.map(\.repository).filter { state.marks.imports.contains($0) }
        guard !wanted.isEmpty else { return notify(&state, "no marked import is followed") }
        let batch = ActionBatch(title: "cancel imports", actions: wanted.map { .cancelImport($0) })
        state.overlay = .confirm(
            Confirmation(
                work: .batch(batch), question: "Cancel \(counted(wanted.count, "import"))?",
                consequence: "\(listed(wanted.map(\.description))). GitHub stops each import and forgets its "
                    + "progress and author mappings, one a second."))
    }

    // MARK: - Running

    /// Puts a batch in line and sends its first action if nothing else runs.
    static func enqueueBatch(_ state: inout DashboardState, _ batch: ActionBatch) -> [Effect] {
        guard !batch.waiting.isEmpty else { return [] }
        state.batches.append(batch)
        let ahead = state.batches.count > 1 ? " after the batch that runs" : ""
        log(
            &state, .action,
            "\(batch.title): \(counted(batch.total, "change")) queued, one a second\(ahead)", at: state.now)
        return pumpBatches(&state)
    }

    /// Sends the running batch's next action when its last one was answered and a second has passed
    /// since it went; nothing while GitHub refuses the token or the rate limit is spent.
    static func pumpBatches(_ state: inout DashboardState) -> [Effect] {
        guard state.poll.halted == nil else { return [] }
        if let until = state.poll.blockedUntil, until > state.now { return [] }
        while var batch = state.batches.first, batch.current == nil {
            guard !batch.waiting.isEmpty else {
                finishBatch(&state)
                continue
            }
            if let last = state.lastBatchWrite, state.now < last.addingTimeInterval(ActionBatch.spacing) { return [] }
            guard let action = batch.takeNext() else { continue }
            if state.pendingWrites.contains(where: { $0.action.conflicts(with: action) }) {
                batch.failed.append(.init(action: action, reason: "the same change was already out"))
                state.batches[0] = batch
                continue
            }
            batch.current = action
            state.batches[0] = batch
            state.lastBatchWrite = state.now
            return submit(&state, action)
        }
        return []
    }

    /// GitHub answered (or, for a start whose answer was lost, the list settled) one of the running
    /// batch's actions: nil when it is not one, else the effects of what follows (the summary and a
    /// refresh once the batch is done; the next action waits for the clock).
    static func batchAnswered(_ state: inout DashboardState, _ action: Action, failure: String?, at time: Date)
        -> [Effect]?
    {
        guard var batch = state.batches.first, batch.current == action else { return nil }
        batch.current = nil
        // The next goes a second after this answer: the time the last one was sent is known only to the
        // turn, which may be late, and a second after the answer is a second after it reached GitHub.
        state.lastBatchWrite = max(state.lastBatchWrite ?? time, time)
        if let failure {
            batch.failed.append(.init(action: action, reason: failure))
            if batch.stopsOnFailure {
                batch.abandonRest()
            }
        } else {
            batch.done.append(action)
            unmarkDone(&state, action)
        }
        state.batches[0] = batch
        guard batch.isFinished else { return pumpBatches(&state) }
        finishBatch(&state, at: time)
        return refreshNow(&state) + pumpBatches(&state)
    }

    /// A batch's action refused by a rate limit changed nothing: it goes back to the front of the batch,
    /// and the batch waits for the reset (as every request does) instead of failing each action in turn.
    /// False when the action is not the running batch's.
    static func holdBatch(_ state: inout DashboardState, _ action: Action, _ error: GitHubError, at time: Date) -> Bool
    {
        guard var batch = state.batches.first, batch.current == action else { return false }
        batch.current = nil
        batch.putBack(action)
        state.batches[0] = batch
        let until = holdForRateLimit(&state, error, at: time)
        let wait = TimeFormat.duration(max(0, until.timeIntervalSince(time)))
        log(
            &state, .error,
            "\(batch.title) waits for the rate limit, \(wait), then goes on with \(subject(of: action))", at: time)
        notify(&state, "\(batch.title): waiting for the rate limit (\(wait))")
        return true
    }

    /// Says what a finished batch did, in one line, and lets the next one run.
    private static func finishBatch(_ state: inout DashboardState, at time: Date? = nil) {
        guard !state.batches.isEmpty else { return }
        let batch = state.batches.removeFirst()
        var text = "\(batch.title): \(batch.done.count) of \(batch.total) done"
        if !batch.failed.isEmpty {
            let failed = batch.failed.map { "\(subject(of: $0.action)) (\($0.reason))" }
            text += ", \(batch.failed.count) failed: " + listed(failed)
        }
        if case .startMigration = batch.done.first ?? batch.failed.first?.action {
            if !batch.done.isEmpty { text += "; started: " + listed(batch.done.map(subject(of:))) }
        }
        if !batch.abandoned.isEmpty {
            text += "; stopped, not sent: " + listed(batch.abandoned.map(subject(of:)))
        }
        log(&state, batch.failed.isEmpty ? .action : .error, text, at: max(time ?? state.now, state.now))
        notify(&state, text)
        // Starts that did not go through come back in the dialog (`n`), picked, as a single start's do.
        if var form = batch.retryForm, !batch.failed.isEmpty || !batch.abandoned.isEmpty {
            form.picked = Set((batch.failed.map(\.action) + batch.abandoned).flatMap(startedRepositories(of:)))
            form.status = .failed("\(form.picked.count) not started (see Activity); Enter tries them again")
            state.retryForm = form
        }
    }

    /// The repositories a migration start names; none for any other action.
    static func startedRepositories(of action: Action) -> [String] {
        guard case .startMigration(_, let request) = action else { return [] }
        return request.repositories
    }

    /// What an action is about, in a word or two: an id, a repository.
    static func subject(of action: Action) -> String {
        switch action {
        case .deleteArchive(let key): String(key.id)
        case .unlock(_, let repository): repository
        case .startMigration(_, let request): request.repositories.joined(separator: ", ")
        case .cancelImport(let repo), .startImport(let repo, _), .updateImport(let repo, _), .mapAuthor(let repo, _, _),
            .setLFS(let repo, _):
            repo.description
        }
    }
}
