import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@Suite("Screens of export times, estimates and history, compared with recorded snapshots")
struct HistoryScreenTests {
    typealias F = StateFixture

    /// The populated dashboard after a restart: the journal knows 1042 started an hour ago and 1038's
    /// export was watched, and holds earlier exports to estimate from.
    private func restarted(_ size: Size) -> DashboardState {
        var state = F.populated(size: size)
        let snapshot = JournalSnapshot(
            path: "/state/migdash/octocat@github.com.sqlite", activity: [], firstExported: [:],
            exportTimings: [
                MigrationKey(scope: F.org, id: 1042): ExportTiming(
                    start: F.now.addingTimeInterval(-1_500), startApproximate: false),
                MigrationKey(scope: F.org, id: 1038): ExportTiming(
                    start: F.now.addingTimeInterval(-90_000), startApproximate: false,
                    end: F.now.addingTimeInterval(-89_100)),
            ],
            exportSamples: (1...9).map { ExportSample(repositories: $0, seconds: Double($0) * 1_200) })
        _ = Reducer.reduce(&state, .journalOpened(snapshot))
        return state
    }

    @Test("a wide dashboard shows each export's time, ~ when approximate, and the estimate of one under way")
    func wideRows() {
        Snapshot.assert(DashboardView.render(restarted(Size(width: 170, height: 24))), named: "export-column-170x24")
    }

    @Test("the details of an exporting migration: its time, estimate and history")
    func details() {
        for size in [Size(width: 120, height: 40), Size(width: 60, height: 15)] {
            var state = restarted(size)
            _ = Reducer.reduce(&state, .key(.enter))
            let key = MigrationKey(scope: F.org, id: 1042)
            let lines = [
                HistoryLine(at: F.now.addingTimeInterval(-1_500), kind: .state, text: "pending"),
                HistoryLine(at: F.now.addingTimeInterval(-1_440), kind: .state, text: "exporting"),
                HistoryLine(
                    at: F.now.addingTimeInterval(-1_400), kind: .request,
                    text: "POST /orgs/octo-org/migrations by octocat: 201, request 0400:1B2C"),
                HistoryLine(
                    at: F.now.addingTimeInterval(-100), kind: .state, text: "exporting", approximate: true),
            ]
            _ = Reducer.reduce(&state, .historyLoaded(key, .loaded(lines, earlier: 3)))
            // At the smallest size the history is further down: scrolled to the end.
            if size.height < 20 { _ = Reducer.reduce(&state, .key(.end)) }
            Snapshot.assert(
                DashboardView.render(state), named: "details-history-\(size.width)x\(size.height)")
        }
    }
}
