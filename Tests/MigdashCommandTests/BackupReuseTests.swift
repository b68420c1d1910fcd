import Foundation
import GitHubMigrations
import Testing

@testable import migdash

@Suite("Which migration migdash backup reuses")
struct BackupReuseTests {
    private let now = Date(timeIntervalSince1970: 1_900_000_000)
    private let names = ["octo-org/website", "octo-org/octo-repo"]

    private func migration(
        _ id: Int64, _ state: MigrationState = .exported, age: Double = 600, repositories: [String]? = nil
    ) -> Migration {
        let repos = (repositories ?? names).enumerated().map { index, name in
            SimpleRepository(id: Int64(index), name: String(name.split(separator: "/").last!), fullName: name)
        }
        return Migration(
            id: id, guid: "0a-\(id)", state: state, createdAt: now.addingTimeInterval(-age),
            updatedAt: now.addingTimeInterval(-age), repositories: repos)
    }

    private func candidate(_ migrations: [Migration], window: Double = 3_600, lock: Bool = false) -> Int64? {
        BackupReuse.candidate(in: migrations, repositories: names, now: now, window: window, lock: lock)?.id
    }

    @Test("the newest migration of exactly the repositories, in any order and case, exported or on its way")
    func reused() {
        #expect(candidate([migration(3), migration(2)]) == 3)
        #expect(candidate([migration(4, .exporting)]) == 4)
        #expect(candidate([migration(5, .pending)]) == 5)
        #expect(candidate([migration(6, repositories: ["OCTO-ORG/Octo-Repo", "octo-org/website"])]) == 6)
        #expect(candidate([migration(7, age: -120)]) == 7, "a server clock ahead of ours is not a reason to start")
    }

    @Test("never a failed one, an older one, another set, one that left something out, nor with a window of 0")
    func notReused() {
        #expect(candidate([migration(1, .failed)]) == nil)
        #expect(candidate([migration(1, age: 3_601)]) == nil)
        #expect(candidate([migration(1, repositories: ["octo-org/website"])]) == nil)
        #expect(candidate([migration(1, repositories: names + ["octo-org/api-server"])]) == nil)
        #expect(candidate([migration(1, repositories: ["octo-org/website", "octo-org/website"])]) == nil)
        #expect(candidate([migration(1)], window: 0) == nil)
        var partial = migration(1)
        partial.excludeGitData = true
        #expect(candidate([partial]) == nil)
        var hidden = migration(1)
        hidden.exclude = ["repositories"]
        #expect(candidate([hidden]) == nil)
        #expect(candidate([migration(1)], lock: true) == nil, "--lock wants a migration that locked them")
        var locked = migration(2)
        locked.lockRepositories = true
        #expect(candidate([migration(1), locked], lock: true) == 2)
    }
}
