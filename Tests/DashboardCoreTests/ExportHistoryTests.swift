import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@Suite("Export durations, estimates and a migration's history from the journal")
struct ExportHistoryTests {
    typealias F = StateFixture

    static let k1042 = MigrationKey(scope: F.org, id: 1042)
    static let k1038 = MigrationKey(scope: F.org, id: 1038)
    static let k1041 = MigrationKey(scope: .user, id: 1041)

    /// The text of the screen, one string.
    private func screen(_ state: DashboardState) -> String { DashboardView.render(state).text }

    @Test("Each migration's export time from observed times: exact when watched, ~ when found already exported")
    func durationsFromObservedTimes() {
        let state = F.populated()
        // 1042 was exporting when the list was first read: it started at GitHub's created_at, 130 s ago.
        #expect(state.exportSpan(Self.k1042) == ExportSpan(seconds: 130, approximate: false, finished: false))
        // 1041 was already exported: created 1,340 s ago, updated (so exported) 1,300 s ago: at most 40 s.
        #expect(state.exportSpan(Self.k1041) == ExportSpan(seconds: 40, approximate: true, finished: true))
        #expect(state.exportSpan(MigrationKey(scope: F.org, id: 1031)) == nil, "a failed export has no duration")
        #expect(MigrationRow(Self.k1041, state.migrations[Self.k1041]!, in: state).export == "~40s")
        #expect(MigrationRow(Self.k1042, state.migrations[Self.k1042]!, in: state).export == "2m")
    }

    @Test("An export watched to its end becomes a sample; the next one gets an estimate from it")
    func watchedExportEstimatesTheNext() {
        var state = F.populated()
        let k1050 = MigrationKey(scope: F.org, id: 1050)
        let repos = ["octo-org/a", "octo-org/b", "octo-org/c", "octo-org/d"]
        var list = F.orgMigrations
        list[0].state = .exported
        let pending = F.migration(1050, .pending, created: 50, repos: repos)
        _ = Reducer.reduce(&state, .onlyPage(F.org, [pending] + list, at: F.now.addingTimeInterval(60)))
        // 1042: from created_at (-130) to seen exported (+60), watched throughout.
        #expect(state.exportSpan(Self.k1042) == ExportSpan(seconds: 190, approximate: false, finished: true))
        #expect(state.exports.samples == [ExportSample(repositories: 2, seconds: 190)])

        var exporting = pending
        exporting.state = .exporting
        _ = Reducer.reduce(&state, .onlyPage(F.org, [exporting] + list, at: F.now.addingTimeInterval(160)))
        _ = Reducer.reduce(&state, .tick(F.now.addingTimeInterval(160)))
        // 95 s a repository, times 4, is 380 s; 100 s have gone since 1050 appeared.
        #expect(state.exportEstimate(k1050) == ExportEstimate(typical: 380, remaining: 280, basis: 1))
        #expect(MigrationRow(k1050, state.migrations[k1050]!, in: state).export == "1m · 4m left")
        #expect(state.exportEstimate(Self.k1042) == nil, "a finished export needs no estimate")
    }

    @Test("After a restart the journal's times win: an export's start and end survive, and its samples estimate")
    func journalTimingsSurviveRestart() {
        var state = F.populated()
        let snapshot = JournalSnapshot(
            path: "/state/migdash/octocat@github.com.sqlite", activity: [], firstExported: [:],
            exportTimings: [
                Self.k1042: ExportTiming(start: F.now.addingTimeInterval(-3_600), startApproximate: false),
                Self.k1038: ExportTiming(
                    start: F.now.addingTimeInterval(-90_000), startApproximate: false,
                    end: F.now.addingTimeInterval(-89_700)),
            ],
            exportSamples: [ExportSample(repositories: 2, seconds: 1_800)])
        _ = Reducer.reduce(&state, .journalOpened(snapshot))
        #expect(state.exportSpan(Self.k1042) == ExportSpan(seconds: 3_600, approximate: false, finished: false))
        #expect(state.exportSpan(Self.k1038) == ExportSpan(seconds: 300, approximate: false, finished: true))
        let estimate = state.exportEstimate(Self.k1042)
        #expect(estimate == ExportEstimate(typical: 1_800, remaining: -1_800, basis: 1))
        #expect(estimate?.text == "taking longer than 1 similar export (about 30m)")
        #expect(MigrationRow(Self.k1042, state.migrations[Self.k1042]!, in: state).export == "1h 0m · overdue")

        // It finishes while watched: measured from the journal's start, and kept as a sample of this run.
        var list = F.orgMigrations
        list[0].state = .exported
        _ = Reducer.reduce(&state, .onlyPage(F.org, list, at: F.now.addingTimeInterval(400)))
        #expect(state.exportSpan(Self.k1042) == ExportSpan(seconds: 4_000, approximate: false, finished: true))
        #expect(
            state.exports.samples == [
                ExportSample(repositories: 2, seconds: 4_000), ExportSample(repositories: 2, seconds: 1_800),
            ])
    }

    @Test("Estimates compare the exports nearest in repository count, by their median seconds per repository")
    func estimateFromNearest() {
        // Five exports of about ten repositories at 100 s each; seven of a thousand at 1 s each.
        let near = (8...12).map { ExportSample(repositories: $0, seconds: Double($0) * 100) }
        let far = (0..<7).map { _ in ExportSample(repositories: 1_000, seconds: 1_000) }
        let estimate = ExportEstimate.make(repositories: 10, elapsed: 250, samples: far + near)
        // The nine nearest: the five near ones and four far ones; their median is 100 s a repository.
        #expect(estimate == ExportEstimate(typical: 1_000, remaining: 750, basis: 9))
        #expect(estimate?.text == "about 12m left, from 9 similar exports")
        #expect(ExportEstimate.make(repositories: 10, elapsed: 0, samples: []) == nil)
        let metadataOnly = ExportEstimate.make(
            repositories: 0, elapsed: 0, samples: [ExportSample(repositories: 0, seconds: 40)])
        #expect(metadataOnly?.typical == 40, "an export of no repository counts as one")
    }

    @Test("Enter on a migration asks the journal for its history: loading… until it arrives, then its lines")
    func detailsAskForHistory() {
        var state = F.populated()
        #expect(state.selectedMigration == Self.k1042)
        #expect(Reducer.reduce(&state, .key(.enter)).contains(.loadHistory(Self.k1042)))
        #expect(state.overlay == .details(.migration(Self.k1042)))
        #expect(screen(state).contains("loading…"))

        // An answer for other details, opened before, changes nothing.
        _ = Reducer.reduce(&state, .historyLoaded(Self.k1038, .loaded([], earlier: 0)))
        #expect(state.exports.history[Self.k1038] == nil)
        #expect(screen(state).contains("loading…"))

        let lines = [
            HistoryLine(at: F.now.addingTimeInterval(-120), kind: .state, text: "exporting", approximate: true),
            HistoryLine(
                at: F.now.addingTimeInterval(-60), kind: .failedRequest,
                text: "DELETE /orgs/octo-org/migrations/1042/archive by octocat: 409, failed, busy, request 0400:1B2C"),
        ]
        _ = Reducer.reduce(&state, .historyLoaded(Self.k1042, .loaded(lines, earlier: 0)))
        let text = screen(state)
        #expect(!text.contains("loading…"))
        #expect(text.contains("~ 2026-11-22 14:00:10"))
        #expect(text.contains("request 0400:1B2C"))

        // Closed and opened again: read afresh.
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(Reducer.reduce(&state, .key(.enter)).contains(.loadHistory(Self.k1042)))
        #expect(state.exports.history == [Self.k1042: .loading])
        _ = Reducer.reduce(&state, .historyLoaded(Self.k1042, .unavailable("no journal is kept")))
        #expect(screen(state).contains("no journal is kept"))
    }

    @Test("The history keeps the latest 50 lines and says how many earlier ones it left out")
    func historyBounded() {
        let lines = (0..<120).map {
            HistoryLine(at: F.now.addingTimeInterval(Double($0)), kind: .state, text: "s\($0)")
        }
        guard case .loaded(let kept, let earlier) = HistoryLoad.latest(lines) else {
            Issue.record("not loaded")
            return
        }
        #expect(kept.count == 50)
        #expect(kept.first?.text == "s70")
        #expect(earlier == 70)
        #expect(HistoryLoad.latest(lines, earlier: .max) == .loaded(kept, earlier: .max), "the count saturates")
    }
}
