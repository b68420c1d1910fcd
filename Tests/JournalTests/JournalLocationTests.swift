import Foundation
import Journal
import Testing

@Suite("Where the journal lives, and what its file name may hold")
struct JournalLocationTests {
    @Test("Under $XDG_STATE_HOME/migdash, else ~/.local/state/migdash; a relative XDG_STATE_HOME is ignored")
    func defaultFolders() {
        #expect(
            Journal.defaultURL(
                host: "github.com", login: "octocat", environment: ["XDG_STATE_HOME": "/state", "HOME": "/home/me"]
            ).path
                == "/state/migdash/octocat@github.com.sqlite")
        #expect(
            Journal.defaultURL(host: "github.com", login: "octocat", environment: ["HOME": "/home/me"]).path
                == "/home/me/.local/state/migdash/octocat@github.com.sqlite")
        #expect(
            Journal.defaultURL(
                host: "ghe.example.com", login: "a-b", environment: ["XDG_STATE_HOME": "state", "HOME": "/h"]
            )
            .path == "/h/.local/state/migdash/a-b@ghe.example.com.sqlite")
    }

    @Test("Hostile hosts and logins give one safe file name each, in the migdash folder, never the same twice")
    func hostileNames() {
        let pairs: [(String, String)] = [
            ("github.com", "../../etc"), ("..", ".."), ("github.com/evil", "x"), ("github.com", "a/b"),
            ("github.com", "a_b"), ("ghe.example.com:8443", "octocat"), ("github.com", "line\nbreak\u{1B}[2J"),
            (String(repeating: "h", count: 5_000), "octocat"), (String(repeating: "h", count: 5_001), "octocat"),
            ("", ""), ("github.com", "octo@cat"), ("github.com", "octo"), ("cat@github.com", "octo"),
        ]
        var names: Set<String> = []
        for (host, login) in pairs {
            let url = Journal.defaultURL(host: host, login: login, environment: ["XDG_STATE_HOME": "/state"])
            let name = url.lastPathComponent
            #expect(url.deletingLastPathComponent().path == "/state/migdash", "\(host) \(login)")
            #expect(!name.contains("/") && !name.hasPrefix(".") && name.utf8.count <= 255, "\(name)")
            #expect(name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }, "\(name)")
            names.insert(name)
        }
        #expect(names.count == pairs.count)
    }

    @Test("A new journal's folder is 0700 and its files 0600")
    func modes() throws {
        let fixture = try JournalFixture()
        let url = URL(fileURLWithPath: fixture.folder.path).appendingPathComponent("state/migdash/j.sqlite")
        let journal = try Journal.open(at: url, now: JournalFixture.t0)
        try journal.recordProblem("offline", "a write so that the WAL file exists", at: JournalFixture.t0)
        func mode(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }
        #expect(try mode(url.deletingLastPathComponent().path) == 0o700)
        #expect(try mode(url.path) == 0o600)
        #expect(try mode(url.path + "-wal") == 0o600)
        #expect(try mode(url.path + "-shm") == 0o600)
    }
}
