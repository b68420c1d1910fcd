import DashboardCore
import GRDB
import GitHubMigrations

/// What earlier runs (the dashboard's or a command's) changed for good: repositories unlocked (or found
/// not locked) and archives deleted. GitHub reports neither lock state nor a deletion time, so without
/// this a restart would list every repository of a locking migration as locked again.
public struct SettledMutations: Sendable, Equatable {
    /// Repositories no longer locked, by the migration that had locked them.
    public var unlocked: [MigrationKey: Set<String>] = [:]
    /// Migrations whose archive was deleted.
    public var archivesDeleted: Set<MigrationKey> = []

    /// Nothing settled.
    public init() {}

    /// Takes one recorded request into account: `DELETE …/migrations/ID/repos/NAME/lock` answered 204 (or
    /// 404, GitHub's way of saying it was not locked), `DELETE …/migrations/ID/archive` answered 204.
    mutating func add(method: String, path: String, status: Int?) {
        guard method == "DELETE", let status, let target = Self.target(path) else { return }
        switch target {
        case .lock(let key, let repository) where status == 204 || status == 404:
            unlocked[key, default: []].insert(repository)
        case .archive(let key) where status == 204:
            archivesDeleted.insert(key)
        default:
            break
        }
    }

    private enum Target {
        case lock(MigrationKey, String)
        case archive(MigrationKey)
    }

    /// `/orgs/ORG/migrations/ID/…` or `/user/migrations/ID/…`, then `repos/NAME/lock` or `archive`.
    private static func target(_ path: String) -> Target? {
        let parts = path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        let scope: MigrationScope
        let rest: ArraySlice<String>
        if parts.count >= 4, parts[0] == "orgs", parts[2] == "migrations" {
            scope = .organization(parts[1])
            rest = parts[3...]
        } else if parts.count >= 3, parts[0] == "user", parts[1] == "migrations" {
            scope = .user
            rest = parts[2...]
        } else {
            return nil
        }
        guard let id = rest.first.flatMap({ Int64($0) }), id >= 0 else { return nil }
        let key = MigrationKey(scope: scope, id: id)
        let tail = Array(rest.dropFirst())
        if tail == ["archive"] { return .archive(key) }
        if tail.count == 3, tail[0] == "repos", tail[2] == "lock", !tail[1].isEmpty { return .lock(key, tail[1]) }
        return nil
    }
}

extension Journal {
    /// The unlocks and archive deletions every earlier run recorded, for the dashboard at launch.
    public func settledMutations() throws(JournalError) -> SettledMutations {
        let sql = """
            SELECT method, path, status FROM mutations
            WHERE method = 'DELETE' AND status IN (204, 404) AND (path LIKE '%/lock' OR path LIKE '%/archive')
            """
        return try read { db in
            var settled = SettledMutations()
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() { settled.add(method: row[0], path: row[1], status: row[2]) }
            return settled
        }
    }
}
