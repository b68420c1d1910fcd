import DashboardCore
import Foundation
import GRDB
import GitHubMigrations
import Journal
import TestSupport

/// A journal in a fresh temporary folder, and the values the tests record in it.
struct JournalFixture {
    /// The folder, removed when the fixture goes.
    let folder: TemporaryDirectory
    /// The journal file's URL.
    let url: URL

    /// A fixture with no journal opened yet.
    init() throws {
        folder = try TemporaryDirectory(prefix: "migdash-journal")
        url = URL(fileURLWithPath: folder.path).appendingPathComponent("journal.sqlite")
    }

    /// Opens (or creates) the journal.
    func open(now: Date = JournalFixture.t0) throws -> Journal {
        try Journal.open(at: url, now: now)
    }

    /// A plain GRDB connection to the same file, to look at it as SQLite sees it.
    func inspect<T>(_ body: (Database) throws -> T) throws -> T {
        try DatabaseQueue(path: url.path).read(body)
    }

    /// A fixed starting time, whole seconds (the journal keeps milliseconds).
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    /// `t0` plus `seconds`.
    static func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    /// An organization's migration key.
    static func key(_ id: Int64, _ org: String = "octo-org") -> MigrationKey {
        MigrationKey(scope: .organization(org), id: id)
    }

    /// A migration in `state` with `repositories` repositories.
    static func migration(
        _ id: Int64, _ state: MigrationState, repositories: Int = 2, created: Double = -60, excluded: Bool = false
    ) -> Migration {
        var migration = Migration(
            id: id, guid: "guid-\(id)", state: state, createdAt: at(created), updatedAt: at(created),
            repositories: (0..<repositories).map { index in
                SimpleRepository(id: Int64(index), name: "repo\(index)", fullName: "octo-org/repo\(index)")
            }, lockRepositories: true)
        if excluded {
            migration.repositories = []
            migration.exclude = ["repositories"]
        }
        return migration
    }

    /// A source import in `status`, decoded as from GitHub, with a password in its URL.
    static func sourceImport(_ status: String, password: String = "s3cret-url-pass") throws -> SourceImport {
        let json = #"{"vcs_url": "https://svn-user:\#(password)@svn.example.com/repo", "status": "\#(status)"}"#
        return try JSONDecoder().decode(SourceImport.self, from: Data(json.utf8))
    }

    /// SQLite's count of commits by other connections: unchanged when a call wrote nothing.
    func dataVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA data_version") ?? -1
    }
}
