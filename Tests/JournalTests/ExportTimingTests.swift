import DashboardCore
import Foundation
import GitHubMigrations
import Journal
import Testing

@Suite("The journal gives the dashboard each migration's export start and end in one read")
struct ExportTimingTests {
    typealias F = JournalFixture

    @Test("Timings agree with each migration's own history, watched or first seen under way, across a restart")
    func timingsMatchHistory() throws {
        let fixture = try F()
        let journal = try fixture.open()
        try journal.record(
            [
                .migrationAppeared(F.key(1), F.migration(1, .pending), alreadyThere: false, at: F.at(0)),
                .migrationChanged(F.key(1), from: .pending, F.migration(1, .exporting), at: F.at(5)),
                .migrationChanged(F.key(1), from: .exporting, F.migration(1, .exported), at: F.at(95)),
                .migrationAppeared(
                    F.key(2), F.migration(2, .exporting, created: -300), alreadyThere: true, at: F.at(0)),
                .migrationAppeared(F.key(3), F.migration(3, .failed), alreadyThere: false, at: F.at(0)),
            ], host: "github.com", login: "octocat")
        // Migration 2 finishes while migdash is not running; the next run finds it exported.
        let later = try fixture.open(now: F.at(600))
        try later.record(
            [.migrationAppeared(F.key(2), F.migration(2, .exported, created: -300), alreadyThere: true, at: F.at(600))],
            host: "github.com", login: "octocat")

        let timings = try later.exportTimings()
        #expect(timings[F.key(1)] == ExportTiming(start: F.at(0), startApproximate: false, end: F.at(95)))
        #expect(
            timings[F.key(2)]
                == ExportTiming(start: F.at(-300), startApproximate: false, end: F.at(600), endApproximate: true))
        #expect(timings[F.key(3)]?.end == nil)
        // The same figures as the per-migration history gives, for every migration that exported.
        for id: Int64 in [1, 2] {
            let measured = try later.history(of: F.key(id)).exportDuration(now: F.at(9_999))
            let span = timings[F.key(id)]?.span(now: F.at(9_999), active: false)
            #expect(span?.seconds == measured?.seconds)
            #expect(span?.approximate == measured?.approximate)
        }
        #expect(timings[F.key(3)]?.span(now: F.at(9_999), active: false) == nil)
    }
}
