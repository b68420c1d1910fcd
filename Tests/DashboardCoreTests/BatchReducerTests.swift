import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@testable import DashboardCore

@Suite("Marks and batch actions: marked rows, one question, paced changes")
struct BatchReducerTests {
    let now = StateFixture.now
    let org = StateFixture.org
    /// In the populated fixture's order (newest first): 1042 exporting, 1041 exported (user, not
    /// locking), 1038 exported (three locked repositories), 1031 failed, 1035 exported.
    func key(_ id: Int64) -> MigrationKey { MigrationKey(scope: id == 1041 ? .user : org, id: id) }

    @discardableResult
    func press(_ state: inout DashboardState, _ text: String) -> [Effect] {
        text.flatMap { Reducer.reduce(&state, .key(.character($0))) }
    }

    /// Draws the question and answers `y`, as a person who saw it.
    func confirm(_ state: inout DashboardState) -> [Effect] {
        _ = Reducer.reduce(&state, .drawn)
        return Reducer.reduce(&state, .key(.character("y")))
    }

    func question(_ state: DashboardState) throws -> DashboardCore.Confirmation {
        guard case .confirm(let confirmation) = state.overlay else {
            throw Failure("no question: \(String(describing: state.overlay))")
        }
        return confirmation
    }

    func performed(_ effects: [Effect]) -> [Action] {
        effects.compactMap { if case .perform(let action) = $0 { action } else { nil } }
    }

    @Test("Space marks the selected row and moves down; marks follow the item through sorting, filtering and polling")
    func marksBelongToItems() {
        var state = StateFixture.populated()
        press(&state, "  ")
        #expect(state.marks.migrations == [key(1042), key(1041)])
        #expect(state.cursor(.migrations).selected == 2)
        // Sorting moves the rows; the marks stay with 1042 and 1041.
        press(&state, "s")
        #expect(state.marks.migrations == [key(1042), key(1041)])
        let marked = state.migrationOrder.indices.filter { state.isMarked(.migrations, row: $0) }
        #expect(Set(marked.map { state.migrationOrder[$0] }) == [key(1042), key(1041)])
        // A filter that hides 1041 keeps its mark; a new reading of the list keeps both.
        state.filter = "octo-org"
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations, at: now.addingTimeInterval(30)))
        #expect(state.marks.migrations == [key(1042), key(1041)])
        // Space again on a marked row unmarks it.
        state.filter = ""
        state.cursors[.migrations]?.selected = state.migrationOrder.firstIndex(of: key(1042))!
        press(&state, " ")
        #expect(state.marks.migrations == [key(1041)])
    }

    @Test("a migration the list no longer shows loses its mark")
    func goneItemsLoseMarks() {
        var state = StateFixture.populated()
        press(&state, " ")
        #expect(state.marks.migrations == [key(1042)])
        // Gone once a whole reading after the list last shifted no longer shows it.
        let shorter = Array(StateFixture.orgMigrations.dropFirst())
        _ = Reducer.reduce(&state, .onlyPage(org, shorter, at: now.addingTimeInterval(30)))
        _ = Reducer.reduce(&state, .onlyPage(org, shorter, at: now.addingTimeInterval(60)))
        #expect(state.migrations[key(1042)] == nil)
        #expect(state.marks.migrations.isEmpty)
    }

    @Test("* marks every row the filter shows, * again unmarks them, Esc clears every mark")
    func markAllAndClear() {
        var state = StateFixture.populated()
        press(&state, "/octo-org")
        _ = Reducer.reduce(&state, .key(.enter))
        press(&state, "*")
        #expect(state.marks.migrations.count == state.migrationOrder.count)
        #expect(!state.marks.migrations.contains(key(1041)))
        press(&state, "*")
        #expect(state.marks.migrations.isEmpty)
        press(&state, "*")
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.marks.isEmpty)
        #expect(state.notice?.text.hasPrefix("cleared") == true)
    }

    @Test("the pane's title counts the marks and a marked row shows * in the monochrome-safe glyph column")
    func markedRowsRender() {
        var state = StateFixture.populated()
        press(&state, "  ")
        let text = DashboardView.render(state).text
        #expect(text.contains("· 2 marked"))
        let rows = text.split(separator: "\n").filter { $0.contains("1041") || $0.contains("1038") }
        #expect(rows.first { $0.contains("1041") }?.contains("│ *") == true, "\(rows)")
        #expect(rows.first { $0.contains("1038") }?.contains("│ *") == false, "\(rows)")
    }

    @Test("the footer shows the batch keys with their counts only while rows are marked")
    func footerHints() {
        var state = StateFixture.populated()
        #expect(!DashboardView.render(state).text.contains("Esc unmark"))
        press(&state, "  ")
        let footer = DashboardView.render(state).text.split(separator: "\n").last ?? ""
        // 1042 (exporting, two locked repositories) and 1041 (exported, locked nothing): each key counts
        // what it would act on.
        #expect(footer.contains("d download 1"), "\(footer)")
        #expect(footer.contains("x delete archive 1"), "\(footer)")
        #expect(footer.contains("u unlock 2"), "\(footer)")
        #expect(footer.contains("Esc unmark"), "\(footer)")
        #expect(state.summary(of: .deleteArchive) == "delete the archives of the 2 marked rows")
        // A key that would act on none of the marks is not offered.
        _ = Reducer.reduce(&state, .key(.escape))
        state.cursors[.migrations]?.selected = 0
        press(&state, " ")
        let only = DashboardView.render(state).text.split(separator: "\n").last ?? ""
        #expect(!only.contains("d download") && !only.contains("x delete"), "\(only)")
    }

    @Test("x with rows marked asks once, names them, warns of archives not on disk and says what it skips")
    func deleteQuestion() throws {
        var state = StateFixture.populated()
        state.downloaded[key(1041)] = "/archives/1041.tar.gz"
        press(&state, "*")
        press(&state, "x")
        let asked = try question(state)
        #expect(asked.question == "Delete 3 archives?")
        #expect(asked.consequence.hasPrefix("1041, 1038 and 1035."), "\(asked.consequence)")
        #expect(asked.consequence.contains("1038 and 1035 are NOT downloaded yet."), "\(asked.consequence)")
        #expect(
            asked.consequence.contains("Skipped: 1 exporting, no archive (1042); 1 failed, no archive (1031)."),
            "\(asked.consequence)")
    }

    @Test("a batch sends one change at a time, each a second after the answer to the one before")
    func pacing() throws {
        var state = StateFixture.populated()
        press(&state, "*")
        press(&state, "x")
        #expect(performed(confirm(&state)) == [.deleteArchive(key(1041))])
        #expect(state.runningBatch?.progress == "0/3")
        // GitHub answers at 0.2 s; the next goes a second later, at 1.2 s, and the loop is woken for it.
        let fast = now.addingTimeInterval(0.2)
        #expect(performed(Reducer.reduce(&state, .actionCompleted(.deleteArchive(key(1041)), at: fast))).isEmpty)
        #expect(performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(0.6)))).isEmpty)
        #expect(abs(state.secondsUntilDue(at: now.addingTimeInterval(0.6)) - 0.6) < 0.01)
        #expect(performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(1.0)))).isEmpty)
        #expect(performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(1.2)))) == [.deleteArchive(key(1038))])
        // Nothing goes while an answer is awaited, however long it takes; then a second after it.
        #expect(performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(5)))).isEmpty)
        let answered = Reducer.reduce(
            &state, .actionCompleted(.deleteArchive(key(1038)), at: now.addingTimeInterval(5)))
        #expect(performed(answered).isEmpty)
        #expect(performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(6)))) == [.deleteArchive(key(1035))])
        #expect(state.runningBatch?.progress == "2/3")
    }

    @Test("one failure does not stop the others, and one summary line says what was done")
    func partialFailure() throws {
        var state = StateFixture.populated()
        press(&state, "*")
        press(&state, "x")
        _ = confirm(&state)
        _ = Reducer.reduce(&state, .actionCompleted(.deleteArchive(key(1041)), at: now))
        _ = Reducer.reduce(&state, .tick(now.addingTimeInterval(1)))
        let refused = GitHubError(kind: .forbidden, message: "Must have admin rights", request: "DELETE")
        _ = Reducer.reduce(&state, .actionFailed(.deleteArchive(key(1038)), refused, at: now.addingTimeInterval(1)))
        #expect(performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(2)))) == [.deleteArchive(key(1035))])
        let done = Reducer.reduce(&state, .actionCompleted(.deleteArchive(key(1035)), at: now.addingTimeInterval(2)))
        #expect(state.batches.isEmpty)
        let summary = try #require(state.activity.first?.text)
        #expect(summary.hasPrefix("delete archives: 2 of 3 done, 1 failed: 1038 ("), "\(summary)")
        #expect(state.activity.contains { $0.text.contains("could not delete the archive of octo-org #1038") })
        // The lists are read again once, at the end; the failed row keeps its mark to try again.
        #expect(done.contains { if case .loadMigrationPage = $0 { true } else { false } })
        #expect(state.marks.migrations == [key(1038), key(1042), key(1031)])
    }

    @Test("d with rows marked asks once, then queues every downloadable archive; each mark goes with its download")
    func batchDownload() throws {
        var state = StateFixture.populated()
        state.downloaded[key(1035)] = "/archives/1035.tar.gz"
        press(&state, "*")
        press(&state, "d")
        let asked = try question(state)
        #expect(asked.question == "Download 2 archives?")
        #expect(asked.consequence.contains("1 already on disk (1035)"), "\(asked.consequence)")
        let effects = confirm(&state)
        let downloads = effects.compactMap { if case .download(let key, _) = $0 { key } else { nil } }
        #expect(downloads == [key(1041), key(1038)])
        #expect(state.marks.migrations.isSuperset(of: [key(1041), key(1038)]))
        _ = Reducer.reduce(&state, .downloadFinished(key(1041), path: "/archives/1041.tar.gz", at: now))
        #expect(!state.marks.migrations.contains(key(1041)) && state.marks.migrations.contains(key(1038)))
    }

    @Test("U asks once for every locked repository of the migration, then unlocks them a second apart")
    func unlockAll() throws {
        var state = StateFixture.populated()
        state.cursors[.migrations]?.selected = state.migrationOrder.firstIndex(of: key(1038))!
        press(&state, "U")
        let asked = try question(state)
        #expect(asked.question == "Unlock 3 repositories of octo-org #1038?")
        #expect(asked.consequence.hasPrefix("a, b and c."), "\(asked.consequence)")
        #expect(performed(confirm(&state)) == [.unlock(key(1038), repository: "a")])
        _ = Reducer.reduce(&state, .actionCompleted(.unlock(key(1038), repository: "a"), at: now))
        #expect(
            performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(1)))) == [.unlock(key(1038), repository: "b")]
        )
        // GitHub's 404 means it was not locked: that counts as done.
        let notLocked = GitHubError(kind: .notFound, message: "Not Found", request: "DELETE")
        _ = Reducer.reduce(
            &state, .actionFailed(.unlock(key(1038), repository: "b"), notLocked, at: now.addingTimeInterval(1)))
        #expect(
            performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(2)))) == [.unlock(key(1038), repository: "c")]
        )
        _ = Reducer.reduce(&state, .actionCompleted(.unlock(key(1038), repository: "c"), at: now.addingTimeInterval(2)))
        #expect(state.lockedRepositories(of: key(1038)).isEmpty)
        #expect(state.activity.first?.text == "unlock repositories: 3 of 3 done")
        press(&state, "U")
        #expect(state.overlay == nil)
        #expect(state.notice?.text == "no repository of octo-org #1038 is still locked")
    }

    @Test("u with repositories marked unlocks those, skipping the ones not locked")
    func unlockMarkedRepositories() throws {
        var state = StateFixture.populated()
        state.cursors[.migrations]?.selected = state.migrationOrder.firstIndex(of: key(1038))!
        state.unlocked[key(1038)] = ["b"]
        press(&state, "2")
        press(&state, "***")
        press(&state, "u")
        let asked = try question(state)
        #expect(asked.question == "Unlock 2 repositories (migration 1038)?")
        #expect(asked.consequence.contains("Skipped: 1 not locked (b)."), "\(asked.consequence)")
    }

    @Test("a migration per repository: one POST each, a second apart, the first failure stops the rest")
    func onePerRepository() throws {
        var state = StateFixture.populated()
        press(&state, "n")
        _ = Reducer.reduce(&state, .key(.right))
        _ = Reducer.reduce(&state, .repositoryChoicesLoaded(org, ["api", "docs", "web"]))
        for _ in 0..<3 { _ = Reducer.reduce(&state, .key(.character(" "))); _ = Reducer.reduce(&state, .key(.down)) }
        for _ in 0..<7 { _ = Reducer.reduce(&state, .key(.tab)) }
        guard case .newMigration(let form) = state.overlay, form.field == .perRepository else {
            throw Failure("not on the per-repository toggle")
        }
        _ = Reducer.reduce(&state, .key(.character(" ")))
        guard case .newMigration(let ready) = state.overlay else { throw Failure("dialog closed") }
        #expect(ready.preview.first == "POST /orgs/octo-org/migrations × 3, one repository each, a second apart")
        func start(_ name: String) -> Action {
            .startMigration(org, StartMigrationRequest(repositories: [name], lockRepositories: true))
        }
        #expect(performed(Reducer.reduce(&state, .key(.enter))) == [start("api")])
        #expect(state.overlay == nil)
        var made = StateFixture.migration(2001, .pending, created: 0, repos: ["octo-org/api"])
        made.createdAt = now
        _ = Reducer.reduce(
            &state,
            .migrationStarted(org, StartMigrationRequest(repositories: ["api"], lockRepositories: true), made, at: now))
        // The same picks again, while these are under way, queue nothing twice.
        press(&state, "n")
        _ = Reducer.reduce(&state, .key(.right))
        _ = Reducer.reduce(&state, .repositoryChoicesLoaded(org, ["api", "docs", "web"]))
        for _ in 0..<3 { _ = Reducer.reduce(&state, .key(.character(" "))); _ = Reducer.reduce(&state, .key(.down)) }
        for _ in 0..<7 { _ = Reducer.reduce(&state, .key(.tab)) }
        _ = Reducer.reduce(&state, .key(.character(" ")))
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.notice?.text == "already being started: docs and web")
        #expect(state.batches.count == 1)
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(0.5)))).isEmpty)
        #expect(performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(1)))) == [start("docs")])
        let refused = GitHubError(kind: .validation, message: "Repository docs is archived", request: "POST")
        _ = Reducer.reduce(&state, .actionFailed(start("docs"), refused, at: now.addingTimeInterval(1)))
        #expect(performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(5)))).isEmpty)
        #expect(state.batches.isEmpty)
        let summary = try #require(state.activity.first?.text)
        #expect(summary.contains("start migrations: 1 of 3 done, 1 failed: docs ("), "\(summary)")
        #expect(summary.contains("started: api"), "\(summary)")
        #expect(summary.contains("stopped, not sent: web"), "\(summary)")
        // n offers the dialog again with what did not start, as after a single refused start.
        press(&state, "n")
        guard case .newMigration(let again) = state.overlay else { throw Failure("no dialog") }
        #expect(again.picked == ["docs", "web"])
        #expect(again.flags.contains(.perRepository))
        #expect(again.problem == "2 not started (see Activity); Enter tries them again")
    }

    @Test("the first start of a batch is selected; later ones leave the selection where the user moved it")
    func startsKeepTheSelection() {
        var state = StateFixture.populated()
        let requests = ["api", "web"].map { StartMigrationRequest(repositories: [$0]) }
        let actions = requests.map { Action.startMigration(org, $0) }
        _ = Reducer.enqueueBatch(&state, ActionBatch(title: "start migrations", actions: actions, stopsOnFailure: true))
        var first = StateFixture.migration(2001, .pending, created: 0, repos: ["octo-org/api"])
        first.createdAt = now
        _ = Reducer.reduce(&state, .migrationStarted(org, requests[0], first, at: now))
        #expect(state.selectedMigration == MigrationKey(scope: org, id: 2001))
        press(&state, "G")
        let chosen = state.selectedMigration
        _ = Reducer.reduce(&state, .tick(now.addingTimeInterval(1)))
        var second = StateFixture.migration(2002, .pending, created: 0, repos: ["octo-org/web"])
        second.createdAt = now.addingTimeInterval(1)
        _ = Reducer.reduce(&state, .migrationStarted(org, requests[1], second, at: now.addingTimeInterval(1)))
        #expect(state.migrations[MigrationKey(scope: org, id: 2002)] != nil)
        #expect(state.selectedMigration == chosen)
    }

    @Test("a start whose answer was lost holds the batch until the list says whether it happened")
    func lostStartHoldsTheBatch() throws {
        var state = StateFixture.populated()
        let first = Action.startMigration(org, StartMigrationRequest(repositories: ["api"]))
        let second = Action.startMigration(org, StartMigrationRequest(repositories: ["web"]))
        _ = Reducer.reduce(&state, .tick(now))
        var effects = Reducer.enqueueBatch(
            &state, ActionBatch(title: "start migrations", actions: [first, second], stopsOnFailure: true))
        #expect(performed(effects) == [first])
        let lost = GitHubError(kind: .timeout, message: "timed out", request: "POST")
        _ = Reducer.reduce(&state, .actionFailed(first, lost, at: now))
        effects = Reducer.reduce(&state, .tick(now.addingTimeInterval(10)))
        #expect(performed(effects).isEmpty, "sent while the first start's fate was unknown")
        var found = StateFixture.migration(2002, .pending, created: 0, repos: ["octo-org/api"])
        found.createdAt = now
        // Found in the list: it was made, and the next start goes a second later.
        effects = Reducer.reduce(
            &state, .onlyPage(org, [found] + StateFixture.orgMigrations, at: now.addingTimeInterval(11)))
        #expect(performed(effects).isEmpty)
        #expect(performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(12)))) == [second])
    }

    @Test("D cancels a running download at once and a queued one leaves the queue; the task's end is not a failure")
    func cancelDownload() throws {
        var state = StateFixture.populated()
        state.cursors[.migrations]?.selected = state.migrationOrder.firstIndex(of: key(1041))!
        _ = press(&state, "d")
        #expect(state.downloads[key(1041)] != nil)
        let effects = press(&state, "D")
        #expect(effects.contains(.cancelDownload(key(1041))))
        #expect(state.downloads[key(1041)] == nil)
        let cut = ArchiveDownloadError(.storageFailed, "cancelled")
        _ = Reducer.reduce(&state, .downloadFailed(key(1041), cut, at: now))
        #expect(!state.activity.contains { $0.text.contains("failed") })
        #expect(state.activity.first?.text.hasPrefix("cancelled the download of 1041") == true)
    }

    @Test("L lists every locked repository; typing narrows by name and Enter asks to unlock it from each migration")
    func lockedList() throws {
        var state = StateFixture.populated()
        press(&state, "L")
        guard case .locked = state.overlay else { throw Failure("no list") }
        let page = try #require(DialogPage.page(for: state.overlay!, in: state))
        let text = page.lines.map { $0.map(\.text).joined() }
        // 1038's three, 1035's one, 1042's two and 1031's one; 1041 did not lock.
        #expect(page.title == "Locked repositories (7)")
        #expect(text.contains { $0.contains("old") && $0.contains("locked by 1035") }, "\(text)")
        press(&state, "web")
        _ = Reducer.reduce(&state, .key(.enter))
        let asked = try question(state)
        #expect(asked.question == "Unlock 1 repository (migration 1042)?")
        #expect(performed(confirm(&state)) == [.unlock(key(1042), repository: "website")])
    }
}

@Suite("A migration just started stays listed while older readings of its list arrive")
struct StartedMigrationListingTests {
    let now = StateFixture.now
    let org = StateFixture.org

    @Test("a page read before the start answered does not drop the new migration, and it never 'appears' twice")
    func pageInFlightKeepsTheStart() {
        var state = StateFixture.populated()
        let request = StartMigrationRequest(repositories: ["api"], lockRepositories: true)
        _ = Reducer.reduce(&state, .key(.character("r")))
        var made = StateFixture.migration(2001, .pending, created: 0, repos: ["octo-org/api"])
        made.createdAt = now
        _ = Reducer.reduce(&state, .migrationStarted(org, request, made, at: now.addingTimeInterval(1)))
        let key = MigrationKey(scope: org, id: 2001)
        // The page asked for before the start was answered comes back without it, twice.
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations, at: now.addingTimeInterval(2)))
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations, at: now.addingTimeInterval(3)))
        #expect(state.migrations[key] != nil, "dropped by a reading older than the start")
        _ = Reducer.reduce(&state, .onlyPage(org, [made] + StateFixture.orgMigrations, at: now.addingTimeInterval(4)))
        #expect(!state.activity.contains { $0.text.contains("2001 octo-org  appeared") })
        // Once listed, it is an ordinary member: a list that no longer holds it drops it as before.
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations, at: now.addingTimeInterval(5)))
        _ = Reducer.reduce(&state, .onlyPage(org, StateFixture.orgMigrations, at: now.addingTimeInterval(6)))
        #expect(state.migrations[key] == nil)
    }
}

extension BatchReducerTests {
    @Test("a change a rate limit refused goes again once the limit resets, not counted failed, and the rest wait")
    func rateLimitHoldsTheBatch() throws {
        var state = StateFixture.populated()
        state.cursors[.migrations]?.selected = state.migrationOrder.firstIndex(of: key(1038))!
        press(&state, "U")
        #expect(performed(confirm(&state)) == [.unlock(key(1038), repository: "a")])
        let spent = GitHubError(
            kind: .rateLimited, message: "API rate limit exceeded", retryAt: now.addingTimeInterval(30),
            request: "DELETE")
        _ = Reducer.reduce(&state, .actionFailed(.unlock(key(1038), repository: "a"), spent, at: now))
        #expect(state.runningBatch?.failed.isEmpty == true)
        #expect(performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(10)))).isEmpty)
        #expect(
            performed(Reducer.reduce(&state, .tick(now.addingTimeInterval(30)))) == [
                .unlock(key(1038), repository: "a")
            ])
    }
}

extension BatchReducerTests {
    @Test("q during a batch says what would be left unsent; a second q leaves; Ctrl-C leaves at once")
    func quitDuringBatch() throws {
        var state = StateFixture.populated()
        press(&state, "*")
        press(&state, "x")
        _ = confirm(&state)
        #expect(press(&state, "q").isEmpty)
        #expect(!state.quitting)
        #expect(state.notice?.text == "delete archives 0/3 under way: q again leaves 3 unsent")
        #expect(press(&state, "q") == [.quit])
        var other = StateFixture.populated()
        press(&other, "*")
        press(&other, "x")
        _ = confirm(&other)
        #expect(Reducer.reduce(&other, .key(.control("c"))) == [.quit])
    }
}

extension BatchReducerTests {
    @Test("unlocking repositories of a migration still exporting warns that later changes miss the archive")
    func unlockWhileExporting() throws {
        var state = StateFixture.populated()
        state.cursors[.migrations]?.selected = state.migrationOrder.firstIndex(of: key(1042))!
        press(&state, "U")
        let asked = try question(state)
        #expect(asked.consequence.contains("1042 is STILL EXPORTING"), "\(asked.consequence)")
        state.overlay = nil
        state.cursors[.migrations]?.selected = state.migrationOrder.firstIndex(of: key(1038))!
        press(&state, "U")
        #expect(!(try question(state)).consequence.contains("STILL EXPORTING"))
    }
}
