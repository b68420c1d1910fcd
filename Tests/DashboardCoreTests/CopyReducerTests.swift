import DashboardCore
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@Suite("Copy: `y` and `Y` put the selected row's id or link on the clipboard (OSC 52)")
struct CopyReducerTests {
    let now = StateFixture.now
    let key = MigrationKey(scope: StateFixture.org, id: 1042)

    private func press(_ state: inout DashboardState, _ characters: String...) -> [Effect] {
        characters.flatMap { Reducer.reduce(&state, .key(.character(Character($0)))) }
    }

    @Test("Migrations: `y` copies the selected migration's id, and the notice says what was copied")
    func migrationID() {
        var state = StateFixture.populated()
        #expect(press(&state, "y") == [.copy("1042")])
        #expect(state.notice?.text == "copied 1042 to the clipboard (OSC 52)")
        _ = press(&state, "j")
        #expect(press(&state, "y") == [.copy("1041")])
    }

    @Test("Migrations: `Y` copies the archive's path once on disk, else the API URL GitHub gave")
    func migrationLink() {
        var state = StateFixture.populated()
        var migration = StateFixture.orgMigrations[0]
        migration.url = "https://api.github.com/orgs/octo-org/migrations/1042"
        _ = Reducer.reduce(
            &state, .onlyPage(StateFixture.org, [migration] + StateFixture.orgMigrations.dropFirst(), at: now))
        #expect(press(&state, "Y") == [.copy("https://api.github.com/orgs/octo-org/migrations/1042")])
        #expect(
            state.notice?.text
                == "copied https://api.github.com/orgs/octo-org/migrations/1042 to the clipboard (OSC 52)")
        _ = Reducer.reduce(&state, .downloadFinished(key, path: "/srv/archives/octo-org-1042.tar.gz", at: now))
        #expect(press(&state, "Y") == [.copy("/srv/archives/octo-org-1042.tar.gz")])
    }

    @Test("Migrations: `Y` without a `url` in the payload builds it from the API root, or says there is none")
    func migrationLinkBuilt() {
        var state = StateFixture.populated()
        #expect(press(&state, "Y") == [])
        #expect(state.notice?.text == "no link for octo-org #1042")
        state.session.apiURL = "https://ghe.example.com/api/v3/"
        #expect(press(&state, "Y") == [.copy("https://ghe.example.com/api/v3/orgs/octo-org/migrations/1042")])
        _ = press(&state, "j")
        #expect(press(&state, "Y") == [.copy("https://ghe.example.com/api/v3/user/migrations/1041")])
    }

    @Test("Repositories: `y` copies owner/name, `Y` the repository's page")
    func repositories() {
        var state = StateFixture.populated()
        _ = press(&state, "2")
        #expect(press(&state, "y") == [.copy("octo-org/website")])
        #expect(press(&state, "Y") == [])
        #expect(state.notice?.text == "no link for octo-org/website")
        var website = StateFixture.repo("octo-org/website", id: 7)
        website.htmlURL = "https://github.com/octo-org/website"
        _ = Reducer.reduce(&state, .repositoriesLoaded(key, [website]))
        #expect(press(&state, "Y") == [.copy("https://github.com/octo-org/website")])
    }

    @Test("Source imports: `y` copies the import's repository, `Y` its page on GitHub")
    func imports() {
        var state = StateFixture.populated()
        let repo = RepositoryName(owner: "octocat", name: "legacy")
        _ = Reducer.reduce(&state, .importsDiscovered([repo]))
        var progress = StateFixture.sourceImport("importing", percent: 40)
        progress.htmlURL = "https://github.com/octocat/legacy/import"
        _ = Reducer.reduce(&state, .importLoaded(repo, progress, at: now))
        _ = press(&state, "3")
        #expect(press(&state, "y") == [.copy("octocat/legacy")])
        #expect(press(&state, "Y") == [.copy("https://github.com/octocat/legacy/import")])
    }

    @Test("Activity: `y` copies the selected line; `Y` has no link there")
    func activity() {
        var state = StateFixture.populated()
        state.activity.insert(
            ActivityEntry(time: now, kind: .error, text: "download of octo-org #1042 failed: disk full"), at: 0)
        _ = press(&state, "4")
        #expect(press(&state, "y") == [.copy("download of octo-org #1042 failed: disk full")])
        #expect(press(&state, "Y") == [])
        #expect(state.notice?.text.hasSuffix("not available in Activity") == true)
    }

    @Test("nothing selected, nothing copied: a notice instead of an empty clipboard")
    func nothingSelected() {
        var state = DashboardState(
            now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
        #expect(press(&state, "y") == [])
        #expect(state.notice?.text == "nothing selected in Migrations to copy")
        _ = press(&state, "2")
        #expect(press(&state, "y", "Y") == [])
        #expect(state.notice?.text == "nothing selected in Repositories to copy")
    }

    @Test("copying changes nothing on GitHub: it works in --readonly")
    func readOnly() {
        var state = StateFixture.populated(readOnly: true)
        #expect(press(&state, "y") == [.copy("1042")])
    }

    @Test("a hostile URL is copied without its control characters, cut to 4 KiB, and the notice says so")
    func hostileLink() {
        var state = StateFixture.populated()
        var migration = StateFixture.orgMigrations[0]
        let long = String(repeating: "a", count: 5000)
        migration.url = "https://x/\u{1B}]52;c;cHduZWQ=\u{7}\n\(long)"
        _ = Reducer.reduce(
            &state, .onlyPage(StateFixture.org, [migration] + StateFixture.orgMigrations.dropFirst(), at: now))
        let effects = press(&state, "Y")
        guard case .copy(let text) = effects.first else {
            Issue.record("no copy: \(effects)")
            return
        }
        #expect(text.utf8.count == TerminalControl.clipboardLimit)
        #expect(text.hasPrefix("https://x/ ]52;c;cHduZWQ=  aaa"))
        #expect(!text.unicodeScalars.contains(where: TerminalText.isUnsafe))
        #expect(state.notice?.text.hasSuffix("to the clipboard (OSC 52) (cut to its first 4 KiB)") == true)
        #expect(state.notice?.text.unicodeScalars.contains(where: TerminalText.isUnsafe) == false)
    }
}
