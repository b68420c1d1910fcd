import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@Suite("Source imports: credentials, a project choice, a retired API and author mapping")
struct ImportFixTests {
    let now = StateFixture.now
    let tfs = RepositoryName(owner: "octo-org", name: "vendor-tfs")

    /// A dashboard following one import in `status`, with the Source imports pane focused.
    private func following(_ repo: RepositoryName, _ progress: SourceImport) -> DashboardState {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .importsDiscovered([repo]))
        _ = Reducer.reduce(&state, .importLoaded(repo, progress, at: now))
        _ = Reducer.reduce(&state, .key(.character("3")))
        return state
    }

    private func type(_ text: String, into state: inout DashboardState) {
        for c in text { _ = Reducer.reduce(&state, .key(.character(c))) }
    }

    private func footer(_ state: DashboardState) -> String {
        DashboardView.render(state).row(state.size.height - 1)
    }

    @Test(
        "i on an import that asks for credentials opens a username and password dialog, never shows the password",
        arguments: ["auth_failed", "detection_needs_auth"])
    func credentials(status: String) throws {
        var state = following(tfs, ImportPayload.needingCredentials(status))
        #expect(footer(state).contains("i credentials"), "the footer says what i does here")
        _ = Reducer.reduce(&state, .key(.character("i")))
        let dialog = DashboardView.render(state).text
        #expect(dialog.contains("Credentials for octo-org/vendor-tfs"))
        #expect(dialog.contains("Username") && dialog.contains("Password"))
        #expect(!dialog.contains("New source import"))
        type("jdoe", into: &state)
        _ = Reducer.reduce(&state, .key(.tab))
        type("s3cret-pw", into: &state)
        #expect(!DashboardView.render(state).text.contains("s3cret"), "the password is never drawn")
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(state.overlay == nil)
        #expect(effects.count == 1)
        guard case .perform(let action) = effects.first else { throw Failure("no action sent") }
        let credentials = UpdateImportRequest(
            vcsUsername: "jdoe", vcsPassword: "s3cret-pw", vcs: "tfvc", tfvcProject: "vendor")
        #expect(action == .updateImport(tfs, credentials), "the VCS and TFVC project GitHub reported go with them")
        #expect(!String(describing: effects).contains("s3cret"), "the password never reaches a description")
        #expect(!String(reflecting: effects).contains("s3cret"))
        let followUp = Reducer.reduce(&state, .actionCompleted(action, at: now))
        #expect(followUp.contains(.loadImport(tfs)), "the import is followed again at once")
        #expect(state.activity.first?.text.contains("jdoe") == true)
        #expect(!state.activity.contains { $0.text.contains("s3cret") })
    }

    @Test("the credentials dialog sends nothing without a password; Esc closes it")
    func credentialsNeedBoth() {
        var state = following(tfs, ImportPayload.needingCredentials("auth_failed"))
        _ = Reducer.reduce(&state, .key(.character("i")))
        type("jdoe", into: &state)
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(DashboardView.render(state).text.contains("type the password"))
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.overlay == nil)
    }

    @Test("detection_found_multiple lists the choices; ↑↓ and Enter send the chosen project and follow it again")
    func projectChoice() throws {
        var state = following(tfs, ImportPayload.multiple)
        #expect(footer(state).contains("i choose project"))
        _ = Reducer.reduce(&state, .key(.character("i")))
        let dialog = DashboardView.render(state).text
        #expect(dialog.contains("Choose the project to import into octo-org/vendor-tfs"))
        #expect(dialog.contains("vendor-tfs (git)") && dialog.contains("project1 (tfs)"))
        _ = Reducer.reduce(&state, .key(.down))
        _ = Reducer.reduce(&state, .key(.up))
        _ = Reducer.reduce(&state, .key(.down))
        _ = Reducer.reduce(&state, .key(.down))
        let effects = Reducer.reduce(&state, .key(.enter))
        #expect(state.overlay == nil)
        #expect(effects.count == 1)
        guard case .perform(let action) = effects.first else { throw Failure("no action sent") }
        let documented = UpdateImportRequest(vcs: "tfvc", tfvcProject: "project1", humanName: "project1 (tfs)")
        #expect(action == .updateImport(tfs, documented))
        let followUp = Reducer.reduce(&state, .actionCompleted(action, at: now))
        #expect(followUp.contains(.loadImport(tfs)))
        #expect(state.activity.first?.text == "chose project1 (tfs) for octo-org/vendor-tfs")
    }

    @Test("once GitHub says the import API is retired, i opens nothing and the footer offers no import key")
    func retired() {
        var state = following(tfs, ImportPayload.needingCredentials("auth_failed"))
        let gone = GitHubError(kind: .retiredAPI, status: 410, message: "Gone", request: "GET /import")
        _ = Reducer.reduce(&state, .requestFailed(.loadImport(tfs), gone, at: now))
        for key in ["i", "a", "l", "c"] {
            #expect(Reducer.reduce(&state, .key(.character(Character(key)))).isEmpty)
            #expect(state.overlay == nil, "\(key) opened something")
            #expect(state.notice?.text.contains("retired") == true)
        }
        _ = Reducer.reduce(&state, .key(.character("1")))
        #expect(Reducer.reduce(&state, .key(.character("i"))).isEmpty)
        #expect(state.overlay == nil)
        for pane in ["1", "3"] {
            state.overlay = nil
            _ = Reducer.reduce(&state, .key(.character(Character(pane))))
            state.notice = nil
            let line = footer(state)
            for hint in ["i import", "i credentials", "a authors", "l lfs", "c cancel import"] {
                #expect(!line.contains(hint), "the footer offers \(hint)")
            }
        }
    }

    @Test("mapping an author logs the person by remote name and email, not by an internal id")
    func authorMappingLog() throws {
        let legacy = RepositoryName(owner: "octocat", name: "legacy")
        var state = following(legacy, StateFixture.sourceImport("importing", percent: 40))
        _ = Reducer.reduce(&state, .key(.character("a")))
        _ = Reducer.reduce(&state, .authorsLoaded(legacy, [ImportPayload.hubot]))
        _ = Reducer.reduce(&state, .key(.tab))
        for _ in 0..<10 { _ = Reducer.reduce(&state, .key(.backspace)) }
        type("Hubot", into: &state)
        _ = Reducer.reduce(&state, .key(.tab))
        for _ in 0..<30 { _ = Reducer.reduce(&state, .key(.backspace)) }
        type("hubot@github.com", into: &state)
        let effects = Reducer.reduce(&state, .key(.enter))
        guard case .perform(let action) = effects.first else { throw Failure("no mapping sent") }
        _ = Reducer.reduce(&state, .actionCompleted(action, at: now))
        #expect(
            state.activity.first?.text
                == "mapped hubot <hubot@example.com> to Hubot <hubot@github.com> in octocat/legacy")
    }

    @Test("control characters in what the import API sends never reach the texts built for the screen")
    func controlCharacters() {
        var state = following(tfs, ImportPayload.hostile)
        _ = Reducer.reduce(&state, .importLoaded(tfs, ImportPayload.hostileStatus, at: now))
        _ = Reducer.reduce(&state, .importLoaded(tfs, ImportPayload.hostileMultiple, at: now))
        _ = Reducer.reduce(&state, .key(.character("i")))
        let grid = DashboardView.render(state)
        let lines = (0..<grid.height).map(grid.row) + state.activity.map(\.text)
        for line in lines {
            #expect(
                !line.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(line.debugDescription)")
        }
    }
}

/// Import payloads as GitHub sends them, for the states a user must act on.
enum ImportPayload {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) -> T {
        try! JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    static func needingCredentials(_ status: String) -> SourceImport {
        decode(
            SourceImport.self,
            """
            {"vcs": "tfvc", "tfvc_project": "vendor", "vcs_url": "https://tfs.example.com/tfs/vendor",
             "status": "\(status)", "status_text": "Authentication failed"}
            """)
    }

    static let multiple = decode(
        SourceImport.self,
        """
        {"vcs": null, "vcs_url": "https://tfs.example.com/multiple", "status": "detection_found_multiple",
         "status_text": "Multiple projects found",
         "project_choices": [{"vcs": "git", "human_name": "vendor-tfs (git)"},
                             {"vcs": "tfvc", "tfvc_project": "project1", "human_name": "project1 (tfs)"}]}
        """)

    static let hostile = decode(
        SourceImport.self,
        """
        {"vcs": "tfvc", "vcs_url": "https://tfs.example.com/\\u001b[2J", "status": "auth_failed",
         "status_text": "Authentication\\u001b[31m failed\\u0007"}
        """)

    static let hostileStatus = decode(
        SourceImport.self,
        """
        {"vcs": null, "vcs_url": "https://tfs.example.com/x", "status": "odd\\u001b]0;x\\u0007"}
        """)

    static let hostileMultiple = decode(
        SourceImport.self,
        """
        {"vcs": null, "vcs_url": "https://tfs.example.com/\\u001b[2J", "status": "detection_found_multiple",
         "status_text": "Multiple\\r\\nprojects",
         "project_choices": [{"vcs": "git", "human_name": "evil\\u001b[2J\\u0008name"}]}
        """)

    static let hubot = decode(
        ImportAuthor.self,
        """
        {"id": 2268557, "remote_id": "nobody@fc705a56-fa39-4d0a-a8d9-b4f1e2e0e0f2", "remote_name": "hubot",
         "email": "hubot@example.com", "name": "hubot", "url": "https://api.github.com/x", "import_url": "https://api.github.com/y"}
        """)
}

@Suite("What the import key does where the focus is")
struct ImportKeyUseTests {
    @Test("i fixes only the selected import in the Source imports pane; elsewhere it starts a new one")
    func focusDecides() {
        var state = StateFixture.populated()
        let tfs = RepositoryName(owner: "octo-org", name: "vendor-tfs")
        _ = Reducer.reduce(&state, .importsDiscovered([tfs]))
        _ = Reducer.reduce(&state, .importLoaded(tfs, ImportPayload.needingCredentials("auth_failed"), at: state.now))
        #expect(state.importKeyUse == .start)
        _ = Reducer.reduce(&state, .key(.character("i")))
        guard case .newImport = state.overlay else {
            Issue.record("i in the Migrations pane did not open the new-import dialog")
            return
        }
        _ = Reducer.reduce(&state, .key(.escape))
        _ = Reducer.reduce(&state, .key(.character("3")))
        #expect(state.importKeyUse == .credentials(tfs))
        _ = Reducer.reduce(&state, .key(.character("?")))
        #expect(DashboardView.render(state).text.contains("enter credentials"), "the help says what i does here")
        _ = Reducer.reduce(
            &state, .importLoaded(tfs, StateFixture.sourceImport("importing", percent: 5), at: state.now))
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.importKeyUse == .start)
        #expect(DashboardView.render(state).row(39).contains("i import"))
    }

    @Test("a choice without a vcs is never sent: an empty update would restart the import")
    func choiceWithoutVCS() {
        let progress = ImportPayload.decode(
            SourceImport.self,
            """
            {"vcs": null, "vcs_url": "https://x.example.com/p", "status": "detection_found_multiple",
             "project_choices": [{"human_name": "nameless"}]}
            """)
        var state = StateFixture.populated()
        let repo = RepositoryName(owner: "octocat", name: "p")
        _ = Reducer.reduce(&state, .importsDiscovered([repo]))
        _ = Reducer.reduce(&state, .importLoaded(repo, progress, at: state.now))
        _ = Reducer.reduce(&state, .key(.character("3")))
        _ = Reducer.reduce(&state, .key(.character("i")))
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty)
        #expect(DashboardView.render(state).text.contains("GitHub named no VCS for this choice"))
    }

    @Test("an action answered as retired marks the API retired, as a load's answer does")
    func retiredByAction() {
        var state = StateFixture.populated()
        let repo = RepositoryName(owner: "octocat", name: "p")
        let gone = GitHubError(kind: .retiredAPI, status: 410, message: "Gone", request: "PATCH /import")
        let polling = state.poll.inFlight
        _ = Reducer.reduce(
            &state, .actionFailed(.updateImport(repo, UpdateImportRequest(vcs: "git")), gone, at: state.now))
        #expect(state.importsRetired != nil)
        #expect(state.poll.inFlight == polling, "an action's answer is not a poll's")
    }
}
