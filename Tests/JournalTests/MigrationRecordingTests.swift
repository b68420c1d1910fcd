import DashboardCore
import Foundation
import GRDB
import GitHubMigrations
import Journal
import Testing

@Suite("The journal records migrations' changes, not polls")
struct MigrationRecordingTests {
    typealias F = JournalFixture

    @Test("A migration watched from pending to exported: its states, times, flags and repositories come back")
    func watchedLifecycle() throws {
        let fixture = try F()
        let journal = try fixture.open()
        let key = F.key(1042)
        try journal.record(
            [.migrationAppeared(key, F.migration(1042, .pending, repositories: 3), alreadyThere: false, at: F.at(0))],
            host: "github.com", login: "octocat")
        try journal.record(
            [
                .migrationChanged(key, from: .pending, F.migration(1042, .exporting, repositories: 3), at: F.at(5)),
                .migrationChanged(key, from: .exporting, F.migration(1042, .exported, repositories: 3), at: F.at(95)),
            ], host: "github.com", login: "octocat")

        let history = try journal.history(of: key)
        #expect(history.firstSeen == F.at(0))
        #expect(history.createdAt == F.at(-60))
        #expect(history.flags == ["lock_repositories"])
        #expect(history.repositoryCount == 3)
        #expect(history.repositories == ["octo-org/repo0", "octo-org/repo1", "octo-org/repo2"])
        #expect(
            history.observations == [
                StateObservation(state: .pending, at: F.at(0), approximate: false),
                StateObservation(state: .exporting, at: F.at(5), approximate: false),
                StateObservation(state: .exported, at: F.at(95), approximate: false),
            ])
        #expect(
            history.exportDuration(now: F.at(1_000))
                == ExportDuration(repositories: 3, seconds: 95, approximate: false, finished: true))
        #expect(try journal.firstSeenExported() == [key: F.at(95)])
        #expect(try journal.history(of: F.key(1042, "other-org")).observations.isEmpty)
    }

    @Test("A migration seen again in the same state, after a restart or on the next poll, writes nothing")
    func unchangedWritesNothing() throws {
        let fixture = try F()
        let key = F.key(7)
        let appeared = ObservedChange.migrationAppeared(key, F.migration(7, .exported), alreadyThere: true, at: F.at(0))
        try fixture.open().record([appeared], host: "github.com", login: "octocat")

        // A restart: a new process opens the journal and sees every migration again, as already there.
        let restarted = try fixture.open()
        let observer = try DatabaseQueue(path: fixture.url.path)
        let before = try observer.read(fixture.dataVersion)
        try restarted.record(
            [.migrationAppeared(key, F.migration(7, .exported), alreadyThere: true, at: F.at(600))],
            host: "github.com", login: "octocat")
        try restarted.record(
            [.migrationChanged(key, from: .exported, F.migration(7, .exported), at: F.at(700))], host: "github.com",
            login: "octocat")
        #expect(try observer.read(fixture.dataVersion) == before)

        // The check can fail: a real change is seen by the same observer.
        try restarted.record(
            [.migrationAppeared(key, F.migration(7, .failed), alreadyThere: true, at: F.at(800))], host: "github.com",
            login: "octocat")
        #expect(try observer.read(fixture.dataVersion) != before)
        #expect(try restarted.history(of: key).observations.map(\.state) == [.exported, .failed])
    }

    @Test("First seen already exported, or changed while not running: approximate, and the clock counts from then")
    func approximateSightings() throws {
        let fixture = try F()
        let journal = try fixture.open()
        let seenDone = F.key(1)
        let seenExporting = F.key(2)
        try journal.record(
            [
                .migrationAppeared(
                    seenDone, F.migration(1, .exported, created: -3_600), alreadyThere: true, at: F.at(0)),
                .migrationAppeared(seenExporting, F.migration(2, .exporting), alreadyThere: true, at: F.at(0)),
            ], host: "github.com", login: "octocat")
        // migdash quits; migration 2 finishes while nobody watches; the next run sees it exported.
        let later = try fixture.open(now: F.at(7_200))
        try later.record(
            [.migrationAppeared(seenExporting, F.migration(2, .exported), alreadyThere: true, at: F.at(7_200))],
            host: "github.com", login: "octocat")

        let done = try later.history(of: seenDone)
        #expect(done.observations == [StateObservation(state: .exported, at: F.at(0), approximate: true)])
        #expect(
            done.exportDuration(now: F.at(9_999))
                == ExportDuration(repositories: 2, seconds: 3_600, approximate: true, finished: true))
        #expect(
            try later.history(of: seenExporting).observations == [
                StateObservation(state: .exporting, at: F.at(0), approximate: true),
                StateObservation(state: .exported, at: F.at(7_200), approximate: true),
            ])
        #expect(try later.firstSeenExported() == [seenDone: F.at(0), seenExporting: F.at(7_200)])
    }

    @Test("A migration that leaves GitHub's list is recorded once, and again only after it came back")
    func goneOnce() throws {
        let fixture = try F()
        let journal = try fixture.open()
        let key = F.key(9)
        try journal.record(
            [
                .migrationGone(F.key(404), at: F.at(0)),
                .migrationAppeared(key, F.migration(9, .exported), alreadyThere: false, at: F.at(1)),
                .migrationGone(key, at: F.at(2)),
                .migrationGone(key, at: F.at(3)),
                .migrationAppeared(key, F.migration(9, .exported), alreadyThere: true, at: F.at(4)),
            ], host: "github.com", login: "octocat")
        #expect(try journal.history(of: key).observations.map(\.state) == [.exported, nil, .exported])
        #expect(try journal.history(of: key).observations.map(\.at) == [F.at(1), F.at(2), F.at(4)])
        #expect(try journal.history(of: F.key(404)).firstSeen == nil)
        #expect(try journal.log(since: nil, migration: 9).map(\.text)[1] == "octo-org #9 left GitHub's list")
    }

    @Test("A still exporting migration's time so far; finished exports by repository count, newest first")
    func exportDurations() throws {
        let fixture = try F()
        let journal = try fixture.open()
        try journal.record(
            [
                .migrationAppeared(
                    F.key(1), F.migration(1, .pending, repositories: 1), alreadyThere: false, at: F.at(0)),
                .migrationChanged(F.key(1), from: .pending, F.migration(1, .exported, repositories: 1), at: F.at(30)),
                .migrationAppeared(
                    F.key(2), F.migration(2, .pending, repositories: 5), alreadyThere: false, at: F.at(10)),
                .migrationChanged(F.key(2), from: .pending, F.migration(2, .exported, repositories: 5), at: F.at(310)),
                .migrationAppeared(
                    F.key(3), F.migration(3, .exported, excluded: true), alreadyThere: false, at: F.at(20)),
                .migrationAppeared(F.key(4), F.migration(4, .exporting), alreadyThere: false, at: F.at(40)),
                .migrationAppeared(F.key(5), F.migration(5, .failed), alreadyThere: false, at: F.at(50)),
            ], host: "github.com", login: "octocat")
        #expect(
            try journal.exportDurations(limit: 10) == [
                ExportDuration(repositories: 5, seconds: 300, approximate: false, finished: true),
                ExportDuration(repositories: 1, seconds: 30, approximate: false, finished: true),
            ])
        #expect(try journal.exportDurations(limit: 1).count == 1)
        #expect(
            try journal.history(of: F.key(4)).exportDuration(now: F.at(100))
                == ExportDuration(repositories: 2, seconds: 60, approximate: false, finished: false))
        #expect(try journal.history(of: F.key(5)).exportDuration(now: F.at(100)) == nil)
        // A later reading without the repository list keeps the list already known.
        try journal.record(
            [.migrationChanged(F.key(2), from: .exported, F.migration(2, .failed, excluded: true), at: F.at(400))],
            host: "github.com", login: "octocat")
        #expect(try journal.history(of: F.key(2)).repositoryCount == 5)
    }

    @Test(
        "The dashboard and watch on one journal: the second to report a change writes nothing, a late one undoes nothing"
    )
    func twoReporters() throws {
        let fixture = try F()
        let dashboard = try fixture.open()
        let watch = try fixture.open()
        let key = F.key(55)
        let website = RepositoryName(owner: "octo-org", name: "website")
        // watch polls first and sees the export finish at 100 s; the dashboard's poll of 90 s lands later.
        try watch.record(
            [
                .migrationAppeared(key, F.migration(55, .exporting), alreadyThere: false, at: F.at(0)),
                .migrationChanged(key, from: .exporting, F.migration(55, .exported), at: F.at(100)),
                .importChanged(website, from: .known(.importing), try F.sourceImport("complete"), at: F.at(100)),
            ], host: "github.com", login: "octocat")
        try dashboard.record(
            [
                .migrationAppeared(key, F.migration(55, .exporting), alreadyThere: false, at: F.at(1)),
                .importChanged(website, from: nil, try F.sourceImport("importing"), at: F.at(90)),
                .migrationChanged(key, from: .exporting, F.migration(55, .exported), at: F.at(101)),
            ], host: "github.com", login: "octocat")
        #expect(
            try dashboard.history(of: key).observations == [
                StateObservation(state: .exporting, at: F.at(0), approximate: false),
                StateObservation(state: .exported, at: F.at(100), approximate: false),
            ])
        #expect(
            try dashboard.log(since: nil, migration: nil).filter { $0.kind == .importStatus }.map(\.text) == [
                "import of octo-org/website: complete"
            ])
    }
}
