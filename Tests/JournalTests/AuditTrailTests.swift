import DashboardCore
import Foundation
import GitHubMigrations
import Journal
import Testing

@Suite("The audit trail: requests, downloads, imports and problems come back as recorded")
struct AuditTrailTests {
    typealias F = JournalFixture

    @Test("A mutation keeps every field, and is found by the migration its path names")
    func mutationRoundTrip() throws {
        let fixture = try F()
        let journal = try fixture.open()
        let deleted = MutationRecord(
            at: F.at(10), method: "DELETE", path: "/orgs/octo-org/migrations/1042/archive", body: nil, status: 204,
            requestID: "0400:1B2C:3D4E", failure: nil)
        let started = MutationRecord(
            at: F.at(5), method: "POST", path: "/orgs/octo-org/migrations",
            body: #"{"lock_repositories":true,"repositories":["octo-org/website"]}"#, status: nil, requestID: nil,
            failure: "the connection was closed")
        let other = MutationRecord(
            at: F.at(20), method: "DELETE", path: "/user/migrations/10420/archive", body: nil, status: 404,
            requestID: "AAAA", failure: "Not Found")
        for record in [deleted, started, other] {
            try journal.record(record, host: "github.com", login: "hubot")
        }

        let all = try journal.log(since: nil, migration: nil)
        #expect(all.map(\.mutation) == [started, deleted, other])
        #expect(all.allSatisfy { $0.kind == .mutation && $0.host == "github.com" && $0.login == "hubot" })
        #expect(all.map(\.migrationID) == [nil, 1042, 10420])
        #expect(
            all.map(\.text) == [
                "POST /orgs/octo-org/migrations by hubot: failed, the connection was closed",
                "DELETE /orgs/octo-org/migrations/1042/archive by hubot: 204, request 0400:1B2C:3D4E",
                "DELETE /user/migrations/10420/archive by hubot: 404, failed, Not Found, request AAAA",
            ])
        // Who deleted the archive of 1042, and when: its entries only, not 10420's.
        #expect(try journal.log(since: nil, migration: 1042).map(\.mutation) == [deleted])
        #expect(try journal.log(since: F.at(10), migration: nil).map(\.mutation) == [deleted, other])
        #expect(try journal.history(of: F.key(1042)).actions.map(\.mutation) == [deleted])
    }

    @Test("A download comes back in the log and in the migration's actions; the feed's copy is not written twice")
    func downloadRoundTrip() throws {
        let fixture = try F()
        let journal = try fixture.open()
        let key = F.key(1042)
        let sha = String(repeating: "ab", count: 32)
        try journal.record(
            [
                .migrationAppeared(key, F.migration(1042, .exported), alreadyThere: false, at: F.at(0)),
                .downloadFinished(key, path: "/backups/octo-org-1042.tar.gz", at: F.at(50)),
            ], host: "github.com", login: "octocat")
        try journal.recordDownload(
            key, path: "/backups/octo-org-1042.tar.gz", bytes: 123_456, sha256: sha, verifiedAt: F.at(50))

        let actions = try journal.history(of: key).actions
        #expect(actions.count == 1)
        #expect(actions.first?.kind == .download)
        #expect(actions.first?.at == F.at(50))
        #expect(
            actions.first?.text
                == "octo-org #1042 archive downloaded to /backups/octo-org-1042.tar.gz (123456 bytes, SHA-256 abababababab…)"
        )
        #expect(try journal.log(since: nil, migration: 1042).map(\.kind) == [.observation, .download])
        #expect(try journal.history(of: F.key(1042, "another-org")).actions.isEmpty)
    }

    @Test("Imports: each status once, gone once; problems and failed downloads; the newest entries first")
    func importsProblemsAndRecent() throws {
        let fixture = try F()
        let journal = try fixture.open()
        let website = RepositoryName(owner: "octo-org", name: "website")
        try journal.record(
            [
                .importChanged(website, from: nil, try F.sourceImport("importing"), at: F.at(0)),
                .importChanged(website, from: .known(.importing), try F.sourceImport("importing"), at: F.at(1)),
                .importChanged(website, from: .known(.importing), try F.sourceImport("complete"), at: F.at(2)),
                .importGone(website, at: F.at(3)),
                .importGone(website, at: F.at(4)),
                .importGone(RepositoryName(owner: "octo-org", name: "never-seen"), at: F.at(5)),
                .downloadFailed(F.key(8), reason: "the archive's URL expired", at: F.at(6)),
            ], host: "github.com", login: "octocat")
        try journal.recordProblem("rate-limit", "the hourly limit is spent until 10:00 UTC", at: F.at(7))
        try journal.recordProblem("offline", "no answer from github.com for 5 minutes\n\u{1B}[2J", at: F.at(8))

        #expect(
            try journal.log(since: nil, migration: nil).map(\.text) == [
                "import of octo-org/website: importing",
                "import of octo-org/website: complete",
                "import of octo-org/website: gone",
                "download: octo-org #8: the archive's URL expired",
                "rate-limit: the hourly limit is spent until 10:00 UTC",
                "offline: no answer from github.com for 5 minutes ?[2J",
            ])
        let recent = try journal.recentEntries(limit: 3)
        #expect(recent.map(\.at) == [F.at(8), F.at(7), F.at(6)])
        #expect(recent.map(\.kind) == [.problem, .problem, .problem])
        #expect(try journal.recentEntries(limit: 100).count == 6)
        #expect(try journal.recentEntries(limit: -1).isEmpty)
    }

    @Test("Entries of every kind merge in time order, newest first for the Activity pane")
    func recentMergesKinds() throws {
        let fixture = try F()
        let journal = try fixture.open()
        let key = F.key(1)
        try journal.record(
            [.migrationAppeared(key, F.migration(1, .pending), alreadyThere: false, at: F.at(1))], host: "h",
            login: "l")
        try journal.record(
            MutationRecord(
                at: F.at(3), method: "DELETE", path: "/orgs/octo-org/migrations/1/archive", body: nil, status: 204,
                requestID: nil, failure: nil), host: "h", login: "l")
        try journal.recordDownload(key, path: "/tmp/a", bytes: 1, sha256: "00", verifiedAt: F.at(2))
        try journal.recordProblem("offline", "gone", at: F.at(4))
        try journal.record(
            [.importChanged(RepositoryName(owner: "o", name: "r"), from: nil, try F.sourceImport("none"), at: F.at(0))],
            host: "h", login: "l")
        #expect(
            try journal.recentEntries(limit: 10).map(\.kind) == [
                .problem, .mutation, .download, .observation, .importStatus,
            ])
        #expect(try journal.recentEntries(limit: 10).first?.at == F.at(4))
    }
}
