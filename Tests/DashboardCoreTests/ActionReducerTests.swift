import DashboardCore
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@Suite("Actions: confirmation, read-only, dialogs and downloads")
struct ActionReducerTests {
    let now = StateFixture.now

    private func select(_ id: Int64, in state: inout DashboardState) {
        let index = state.migrationOrder.firstIndex { $0.id == id }!
        var cursor = ListCursor()
        cursor.selected = index
        state.cursors[.migrations] = cursor
    }

    @Test("x asks first; y deletes; the archive is then marked deleted")
    func deleteWithConfirmation() throws {
        var state = StateFixture.populated()
        select(1038, in: &state)
        #expect(Reducer.reduce(&state, .key(.character("x"))).isEmpty)
        guard case .confirm(let confirmation) = state.overlay else { throw Failure("no confirmation") }
        let key = MigrationKey(scope: StateFixture.org, id: 1038)
        #expect(confirmation.action == .deleteArchive(key))
        _ = Reducer.reduce(&state, .drawn)
        #expect(Reducer.reduce(&state, .key(.character("y"))) == [.perform(.deleteArchive(key))])
        #expect(state.overlay == nil)
        _ = Reducer.reduce(&state, .actionCompleted(.deleteArchive(key), at: now))
        #expect(state.archivesDeleted.contains(key))
        #expect(MigrationRow(key, state.migrations[key]!, in: state).archive == "deleted")
    }

    @Test("n or Esc cancels a confirmation, and other keys do not confirm")
    func cancelConfirmation() {
        var state = StateFixture.populated()
        select(1038, in: &state)
        _ = Reducer.reduce(&state, .key(.character("x")))
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(state.overlay != nil)
        #expect(Reducer.reduce(&state, .key(.escape)).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.notice?.text == "cancelled")
    }

    @Test("the confirmation belongs to the command: a rebound key still asks")
    func reboundKeyStillConfirms() throws {
        var state = StateFixture.populated()
        state.keymap = try Keymap.defaults.overriding(with: ["delete-archive": ["D"]]).get()
        select(1038, in: &state)
        #expect(Reducer.reduce(&state, .key(.character("D"))).isEmpty)
        guard case .confirm = state.overlay else { throw Failure("rebinding skipped the confirmation") }
    }

    @Test("read-only disables every mutating command and says so")
    func readOnly() {
        var state = StateFixture.populated(readOnly: true)
        select(1038, in: &state)
        for key in ["x", "u", "n", "i"] {
            #expect(Reducer.reduce(&state, .key(.character(Character(key)))).isEmpty)
            #expect(state.overlay == nil)
            #expect(state.notice?.text.hasPrefix("read-only") == true)
        }
        #expect(Reducer.reduce(&state, .key(.character("d"))).count == 1, "downloading changes nothing on GitHub")
    }

    @Test("u unlocks the first locked repository after a confirmation; a 404 means it was not locked")
    func unlock() throws {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.character("u")))
        guard case .confirm(let confirmation) = state.overlay else { throw Failure("no confirmation") }
        let key = MigrationKey(scope: StateFixture.org, id: 1042)
        #expect(confirmation.action == .unlock(key, repository: "website"))
        _ = Reducer.reduce(&state, .drawn)
        _ = Reducer.reduce(&state, .key(.character("y")))
        _ = Reducer.reduce(&state, .actionCompleted(.unlock(key, repository: "website"), at: now))
        #expect(!state.isLocked(key, repository: "website"))
        #expect(state.isLocked(key, repository: "octo-repo"))
        let notLocked = GitHubError(kind: .notFound, status: 404, message: "Not Found", request: "DELETE /lock")
        _ = Reducer.reduce(&state, .actionFailed(.unlock(key, repository: "octo-repo"), notLocked, at: now))
        #expect(!state.isLocked(key, repository: "octo-repo"))
    }

    @Test("d downloads an exported archive, shows progress, and refuses a second or a missing one")
    func download() {
        var state = StateFixture.populated()
        select(1038, in: &state)
        let key = MigrationKey(scope: StateFixture.org, id: 1038)
        let guid = state.migrations[key]!.guid
        #expect(Reducer.reduce(&state, .key(.character("d"))) == [.download(key, guid: guid)])
        #expect(Reducer.reduce(&state, .key(.character("d"))).isEmpty)
        // The rate counts from the first report, so bytes an earlier attempt left are not speed.
        _ = Reducer.reduce(&state, .downloadProgress(key, received: 0, total: 1024 * 1024, at: now))
        _ = Reducer.reduce(
            &state, .downloadProgress(key, received: 512 * 1024, total: 1024 * 1024, at: now.addingTimeInterval(2)))
        #expect(MigrationRow(key, state.migrations[key]!, in: state).archive == "↓ 50% 256.0 KiB/s 2s")
        _ = Reducer.reduce(&state, .downloadFinished(key, path: "/tmp/octo-org-migration-1038.tar.gz", at: now))
        #expect(MigrationRow(key, state.migrations[key]!, in: state).archive.hasPrefix("✓ "))
        select(1031, in: &state)
        #expect(Reducer.reduce(&state, .key(.character("d"))).isEmpty)
        #expect(state.notice?.text.contains("no archive") == true)
    }

    @Test("a resumed download's rate counts only the bytes that arrived in this run")
    func resumedRate() {
        var state = StateFixture.populated()
        select(1038, in: &state)
        let key = MigrationKey(scope: StateFixture.org, id: 1038)
        _ = Reducer.reduce(&state, .key(.character("d")))
        let total: Int64 = 10 << 20
        // 8 MB were on disk from an earlier attempt; 1 MB more arrives in the next 2 s.
        _ = Reducer.reduce(&state, .downloadProgress(key, received: 8 << 20, total: total, at: now))
        #expect(MigrationRow(key, state.migrations[key]!, in: state).archive == "↓ 80%")
        let later = now.addingTimeInterval(2)
        _ = Reducer.reduce(&state, .downloadProgress(key, received: 9 << 20, total: total, at: later))
        #expect(MigrationRow(key, state.migrations[key]!, in: state).archive == "↓ 90% 512.0 KiB/s 2s")
    }

    @Test("an archive's seven days count from its export, even when the migration's updated_at moves later")
    func expiryKeepsExportTime() throws {
        var state = StateFixture.populated()
        let key = MigrationKey(scope: StateFixture.org, id: 1038)
        let expiry = try #require(state.archiveExpiry(key))
        #expect(expiry == now.addingTimeInterval(-89_000 + 7 * 86_400))
        let before = MigrationRow(key, state.migrations[key]!, in: state).archive
        var changed = StateFixture.orgMigrations
        let index = try #require(changed.firstIndex { $0.id == 1038 })
        // Something else about the migration changed a day later (an unlock, say).
        changed[index].updatedAt = changed[index].updatedAt.addingTimeInterval(86_400)
        _ = Reducer.reduce(&state, .onlyPage(StateFixture.org, changed, at: now))
        #expect(state.archiveExpiry(key) == expiry)
        #expect(MigrationRow(key, state.migrations[key]!, in: state).archive == before)
    }

    @Test("auto-download starts when a migration reaches exported")
    func autoDownload() {
        var state = StateFixture.populated()
        state.session.autoDownload = true
        var changed = StateFixture.orgMigrations
        changed[0].state = .exported
        changed[0].updatedAt = now
        let effects = Reducer.reduce(&state, .onlyPage(StateFixture.org, changed, at: now))
        let key = MigrationKey(scope: StateFixture.org, id: 1042)
        #expect(effects.contains(.download(key, guid: changed[0].guid)))
    }

    @Test("the new-migration dialog picks repositories, toggles flags, previews and sends the request")
    func newMigrationDialog() throws {
        var state = StateFixture.populated()
        #expect(Reducer.reduce(&state, .key(.character("n"))) == [.loadRepositoryChoices(.user)])
        #expect(Reducer.reduce(&state, .key(.right)) == [.loadRepositoryChoices(StateFixture.org)])
        _ = Reducer.reduce(&state, .repositoryChoicesLoaded(.user, ["octocat/late-answer"]))
        _ = Reducer.reduce(&state, .repositoryChoicesLoaded(StateFixture.org, ["website", "octo-repo", "docs"]))
        for c in "web" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = Reducer.reduce(&state, .key(.character(" ")))
        _ = Reducer.reduce(&state, .key(.tab))
        _ = Reducer.reduce(&state, .key(.tab))
        _ = Reducer.reduce(&state, .key(.character(" ")))
        guard case .newMigration(let form) = state.overlay else { throw Failure("dialog closed") }
        #expect(form.scope == StateFixture.org)
        #expect(form.picked == ["website"])
        #expect(form.preview.first == "POST /orgs/octo-org/migrations")
        #expect(form.request.excludeMetadata)
        for _ in 0..<6 { _ = Reducer.reduce(&state, .key(.tab)) }
        guard case .newMigration(let ready) = state.overlay, ready.field == .submit else {
            throw Failure("not on submit")
        }
        let effects = Reducer.reduce(&state, .key(.enter))
        let request = StartMigrationRequest(repositories: ["website"], lockRepositories: true, excludeMetadata: true)
        #expect(effects == [.perform(.startMigration(StateFixture.org, request))])
    }

    @Test("the import dialog needs owner/name and a URL, then starts the import")
    func importDialog() throws {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.character("i")))
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        for c in "octocat/legacy" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = Reducer.reduce(&state, .key(.tab))
        for c in "https://svn.example.com/legacy" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = Reducer.reduce(&state, .key(.tab))
        _ = Reducer.reduce(&state, .key(.right))
        _ = Reducer.reduce(&state, .key(.right))
        let effects = Reducer.reduce(&state, .key(.enter))
        let request = StartImportRequest(vcsURL: "https://svn.example.com/legacy", vcs: "subversion")
        #expect(effects == [.perform(.startImport(RepositoryName(owner: "octocat", name: "legacy"), request))])
    }

    @Test("imports: status changes are logged, a retired API is one line, cancel asks first")
    func imports() throws {
        var state = StateFixture.populated()
        let repo = RepositoryName(owner: "octocat", name: "legacy")
        #expect(Reducer.reduce(&state, .importsDiscovered([repo])) == [.loadImport(repo)])
        _ = Reducer.reduce(&state, .importLoaded(repo, StateFixture.sourceImport("importing", percent: 40), at: now))
        let effects = Reducer.reduce(
            &state, .importLoaded(repo, StateFixture.sourceImport("complete", percent: 100), at: now))
        #expect(effects == [.bell])
        #expect(state.activity.first?.text == "import octocat/legacy  importing → complete")
        _ = Reducer.reduce(&state, .key(.character("3")))
        _ = Reducer.reduce(&state, .key(.character("c")))
        guard case .confirm(let confirmation) = state.overlay else { throw Failure("no confirmation") }
        #expect(confirmation.action == .cancelImport(repo))
        let gone = GitHubError(kind: .retiredAPI, status: 410, message: "Gone", request: "GET /import")
        _ = Reducer.reduce(&state, .requestFailed(.loadImport(repo), gone, at: now))
        #expect(state.importsRetired?.contains("retired") == true)
    }

    @Test("Ctrl-C quits from anywhere, even a dialog")
    func controlC() {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.character("i")))
        #expect(Reducer.reduce(&state, .key(.control("c"))) == [.quit])
        #expect(state.quitting)
    }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
