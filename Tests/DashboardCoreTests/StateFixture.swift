import DashboardCore
import Foundation
import GitHubMigrations
import TerminalUI

/// A dashboard state built from fixed values, for reducer tests and screen snapshots.
enum StateFixture {
    /// 2026-11-22 14:02:10 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_356_130)

    static let octocat = SimpleUser(login: "octocat", id: 1)
    static let org = MigrationScope.organization("octo-org")

    static func repo(_ fullName: String, id: Int64) -> SimpleRepository {
        let name = String(fullName.split(separator: "/").last!)
        return SimpleRepository(id: id, name: name, fullName: fullName, owner: octocat)
    }

    static func migration(
        _ id: Int64, _ state: MigrationState, created: Double, updated: Double? = nil, repos: [String],
        lock: Bool = true
    ) -> Migration {
        Migration(
            id: id, guid: "0b989ba4-242f-11e5-81e1-\(String(format: "%012d", id))", state: state,
            createdAt: now.addingTimeInterval(created), updatedAt: now.addingTimeInterval(updated ?? created),
            repositories: repos.enumerated().map { repo($1, id: 1_296_000 + Int64($0)) }, lockRepositories: lock)
    }

    /// A migration listed with `exclude: ["repositories"]`, as GitHub lists some.
    static func excluded(_ id: Int64) -> Migration {
        var migration = migration(id, .exported, created: 10, repos: [])
        migration.exclude = ["repositories"]
        return migration
    }

    static let orgMigrations = [
        migration(1042, .exporting, created: -130, repos: ["octo-org/website", "octo-org/octo-repo"]),
        migration(
            1038, .exported, created: -90_000, updated: -89_000, repos: ["octo-org/a", "octo-org/b", "octo-org/c"]),
        migration(1035, .exported, created: -600_000, updated: -590_000, repos: ["octo-org/old"]),
        migration(1031, .failed, created: -259_200, repos: ["octo-org/broken-monolith"]),
    ]

    static let userMigrations = [
        migration(1041, .exported, created: -1_340, updated: -1_300, repos: ["octocat/Hello-World"], lock: false)
    ]

    /// A connected dashboard with migrations in every state, two imports and some activity.
    static func populated(
        size: Size = Size(width: 120, height: 40), readOnly: Bool = false,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!
    ) -> DashboardState {
        var state = DashboardState(
            now: now, size: size, session: SessionInfo(host: "github.com", readOnly: readOnly, timeZone: timeZone))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org"], at: now))
        _ = Reducer.reduce(&state, .onlyPage(.user, userMigrations, at: now))
        _ = Reducer.reduce(&state, .onlyPage(org, orgMigrations, at: now))
        _ = Reducer.reduce(&state, .importsDiscovered([]))
        return state
    }

    /// A connected dashboard whose own list is read and whose organization's list is not read yet: for tests
    /// that give octo-org a list of their own.
    static func awaitingOrg(size: Size = Size(width: 120, height: 40)) -> DashboardState {
        var state = DashboardState(now: now, size: size, session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org"], at: now))
        _ = Reducer.reduce(&state, .onlyPage(.user, userMigrations, at: now))
        _ = Reducer.reduce(&state, .importsDiscovered([]))
        return state
    }

    static func sourceImport(_ status: String, percent: Int?, push: Int? = nil, commits: Int? = nil) -> SourceImport {
        let json = """
            {"vcs": "subversion", "vcs_url": "https://svn.example.com/legacy", "status": "\(status)",
             "status_text": "\(status == "error" ? "Error" : "Importing...")",
             "import_percent": \(percent.map(String.init) ?? "null"), "push_percent": \(push.map(String.init) ?? "null"),
             "commit_count": \(commits.map(String.init) ?? "null"),
             "error_message": \(status == "error" ? "\"svn: E170013: Unable to connect\"" : "null"),
             "failed_step": \(status == "error" ? "\"importing\"" : "null")}
            """
        return try! JSONDecoder().decode(SourceImport.self, from: Data(json.utf8))
    }
}
