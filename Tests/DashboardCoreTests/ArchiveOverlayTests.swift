import ArchiveModel
import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@Suite("Downloaded archives: verifying, Enter shows what is inside")
struct ArchiveOverlayTests {
    let now = StateFixture.now
    let key = MigrationKey(scope: StateFixture.org, id: 1038)
    let path = "/archives/octo-org-migration-1038-0b989ba4-242f-11e5-81e1-c7b6966d2516.tar.gz"

    private func selected() -> DashboardState {
        var state = StateFixture.populated()
        var cursor = ListCursor()
        cursor.selected = state.migrationOrder.firstIndex(of: key)!
        state.cursors[.migrations] = cursor
        return state
    }

    private var report: ArchiveReport {
        var report = ArchiveReport(file: (path as NSString).lastPathComponent)
        report.compressedBytes = 3_184_733
        report.uncompressedBytes = 3_303_424
        report.entries = 31
        report.sha256 = String(repeating: "ab", count: 32)
        report.schemaVersion = "1.0.1"
        report.kinds = [
            .init(name: "issues", files: 1, records: 5, bytes: 9_000),
            .init(name: "users", files: 1, records: 1, bytes: 400),
        ]
        report.repositories = [.init(name: "octo-org/api-server", files: 12, bytes: 3_200_000)]
        report.attachments = .init(count: 1, bytes: 2_048)
        return report
    }

    @Test("Enter on a downloaded migration opens the archive overlay and reads the archive once")
    func enterReadsOnce() {
        var state = selected()
        _ = Reducer.reduce(&state, .archivesFound([key: path]))
        #expect(Reducer.reduce(&state, .key(.enter)) == [.inspectArchive(key, path: path)])
        #expect(state.overlay == .archive(key))
        #expect(state.inspections[key] == .reading(path: path))
        _ = Reducer.reduce(&state, .archiveInspected(key, path: path, report))
        #expect(state.inspections[key] == .read(path: path, report))
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.overlay == nil)
        #expect(Reducer.reduce(&state, .key(.enter)).isEmpty, "already read")
        _ = Reducer.reduce(&state, .key(.enter))
        #expect(state.overlay == .details(.migration(key)), "Enter again shows the migration's details")
    }

    @Test("Enter on a migration without an archive on disk still shows its details")
    func enterWithoutArchive() {
        var state = selected()
        // Nothing to read from the archive; only the migration's history, from the journal.
        #expect(Reducer.reduce(&state, .key(.enter)) == [.loadHistory(key)])
        #expect(state.overlay == .details(.migration(key)))
    }

    @Test("the overlay lists verdict, schema, records, repositories and attachments")
    func overlayText() {
        var state = selected()
        _ = Reducer.reduce(&state, .archivesFound([key: path]))
        _ = Reducer.reduce(&state, .key(.enter))
        let reading = DashboardView.render(state).text
        #expect(reading.contains("Archive of octo-org #1038") && reading.contains("reading the archive…"))
        _ = Reducer.reduce(&state, .archiveInspected(key, path: path, report))
        let text = DashboardView.render(state).text
        for expected in [
            "verdict", "intact", "version 1.0.1", "issues", "5 in 1 file", "octo-org/api-server", "3.1 MiB",
            "1 file, 2.0 KiB", "Enter migration details",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test("the whole SHA-256 and file name show on one line when the terminal is wide enough; narrower, they wrap")
    func longValues() throws {
        var state = selected()
        _ = Reducer.reduce(&state, .archivesFound([key: path]))
        _ = Reducer.reduce(&state, .key(.enter))
        _ = Reducer.reduce(&state, .archiveInspected(key, path: path, report))
        let wide = DashboardView.render(state).text
        #expect(wide.contains(String(repeating: "ab", count: 32)))
        #expect(wide.contains((path as NSString).lastPathComponent))
        state.size = Size(width: 80, height: 24)
        let narrow = DashboardView.render(state)
        #expect(!narrow.text.contains(String(repeating: "ab", count: 32)))
        #expect(!narrow.text.contains("ab…"))
        let rows = (0..<narrow.height).map(narrow.row)
        let first = try #require(rows.firstIndex { $0.contains("sha256") })
        let hex = { (row: String) in row.split(separator: " ").filter { $0.allSatisfy(\.isHexDigit) }.joined() }
        #expect(hex(rows[first]) + hex(rows[first + 1]) == String(repeating: "ab", count: 32))
    }

    @Test("a truncated archive's verdict is logged, and a reading of a replaced file is dropped")
    func badVerdict() {
        var state = selected()
        _ = Reducer.reduce(&state, .archivesFound([key: path]))
        _ = Reducer.reduce(&state, .key(.enter))
        var truncated = report
        truncated.verdict = .truncated("the gzip stream ends early, after 10 bytes")
        _ = Reducer.reduce(&state, .archiveInspected(key, path: "/elsewhere.tar.gz", truncated))
        #expect(state.inspections[key] == .reading(path: path))
        _ = Reducer.reduce(&state, .archiveInspected(key, path: path, truncated))
        #expect(
            state.activity.first?.text
                == "the archive of octo-org #1038 is truncated: the gzip stream ends early, after 10 bytes")
    }

    @Test("while verifying, the row says so; a failed download logs its one-line reason")
    func verifyingAndFailure() {
        var state = selected()
        _ = Reducer.reduce(&state, .key(.character("d")))
        _ = Reducer.reduce(&state, .downloadVerifying(key, checked: 400, total: 1_000, at: now.addingTimeInterval(3)))
        #expect(MigrationRow(key, state.migrations[key]!, in: state).archive == "verifying 40%")
        let full = ArchiveDownloadError(.diskFull, "3.0 MiB still to download, 1.0 MiB free in /archives")
        _ = Reducer.reduce(&state, .downloadFailed(key, full, at: now))
        #expect(state.downloads[key] == nil)
        #expect(
            state.activity.first?.text.hasPrefix("download of octo-org #1038 failed: Not enough disk space") == true)
    }
}

@Suite("Download progress in a narrow archive column")
struct CompactProgressTests {
    @Test("the row offers a compact progress text, time left before the rate, for a column too narrow for the full one")
    func compact() {
        var state = StateFixture.populated()
        let key = MigrationKey(scope: StateFixture.org, id: 1038)
        var cursor = ListCursor()
        cursor.selected = state.migrationOrder.firstIndex(of: key)!
        state.cursors[.migrations] = cursor
        _ = Reducer.reduce(&state, .key(.character("d")))
        #expect(MigrationRow(key, state.migrations[key]!, in: state).archive == "↓ starting")
        let later = StateFixture.now.addingTimeInterval(2)
        _ = Reducer.reduce(&state, .downloadProgress(key, received: 0, total: 4_000_000, at: StateFixture.now))
        _ = Reducer.reduce(&state, .downloadProgress(key, received: 1_800_000, total: 4_000_000, at: later))
        let row = MigrationRow(key, state.migrations[key]!, in: state)
        #expect(row.archive == "↓ 45% 878.9 KiB/s 2s")
        #expect(row.archiveCompact == "45% 2s 878Ki/s")
        // At 120 columns the archive column is 13 wide: the compact text keeps its share and time
        // left and drops the rate; two columns more and the rate fits too.
        #expect(DashboardView.render(state).text.contains("45% 2s  "))
        state.size = Size(width: 124, height: 40)
        #expect(DashboardView.render(state).text.contains("45% 2s 878Ki/s"))
    }
}
