import DashboardCore
import Foundation
import GitHubMigrations
import Journal
import TerminalUI
import Testing

@Suite("Unlocks and deletions recorded by earlier runs are read back for the dashboard")
struct SettledMutationsTests {
    typealias F = JournalFixture

    private func record(_ method: String, _ path: String, _ status: Int?) -> MutationRecord {
        MutationRecord(
            at: F.at(1), method: method, path: path, body: nil, status: status, requestID: nil,
            failure: status == 204 ? nil : "failed")
    }

    @Test("204 and 404 unlocks count, refused ones and other requests do not; deletions count on 204")
    func settled() throws {
        let fixture = try F()
        let journal = try fixture.open()
        let records = [
            record("DELETE", "/orgs/octo-org/migrations/1042/repos/website/lock", 204),
            record("DELETE", "/orgs/octo-org/migrations/1042/repos/docs/lock", 404),
            record("DELETE", "/orgs/octo-org/migrations/1042/repos/api/lock", 403),
            record("DELETE", "/orgs/octo-org/migrations/1042/repos/lost/lock", nil),
            record("DELETE", "/user/migrations/77/repos/Hello-World/lock", 204),
            record("DELETE", "/orgs/octo-org/migrations/1038/archive", 204),
            record("DELETE", "/orgs/octo-org/migrations/1035/archive", 404),
            record("POST", "/orgs/octo-org/migrations", 201),
            record("DELETE", "/orgs/octo-org/migrations/9/repos/a/b/lock", 204),
            record("DELETE", "/orgs/octo-org/migrations/x/archive", 204),
        ]
        for record in records { try journal.record(record, host: "github.com", login: "hubot") }
        let settled = try journal.settledMutations()
        #expect(
            settled.unlocked == [
                F.key(1042): ["website", "docs"], MigrationKey(scope: .user, id: 77): ["Hello-World"],
            ])
        #expect(settled.archivesDeleted == [F.key(1038)])
    }

    @Test("the dashboard opening the journal no longer counts those repositories locked or that archive there")
    func dashboardTakesThem() {
        var state = DashboardState(
            now: F.t0, size: TerminalUI.Size(width: 100, height: 30), session: SessionInfo(host: "github.com"))
        let key = F.key(1042)
        var migration = F.migration(1042, .exported)
        migration.lockRepositories = true
        state.record(migration, for: key)
        let names = state.repositoryNames(of: key)
        #expect(!names.isEmpty)
        #expect(state.lockedRepositories(of: key) == names)
        var snapshot = JournalSnapshot(path: "/j", activity: [], firstExported: [:])
        snapshot.unlocked = [key: Set(names)]
        snapshot.archivesDeleted = [key]
        _ = Reducer.reduce(&state, .journalOpened(snapshot))
        #expect(state.lockedRepositories(of: key).isEmpty)
        #expect(state.allLockedRepositories.isEmpty)
        #expect(state.archivesDeleted.contains(key))
    }
}
