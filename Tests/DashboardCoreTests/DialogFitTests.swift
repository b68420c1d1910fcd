import ArchiveModel
import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

/// Long text in dialogs and the activity log: wrapped to the width, scrolled when taller than the screen.
@Suite("Long text wraps and scrolls instead of being cut")
struct DialogFitTests {
    private let key = MigrationKey(scope: StateFixture.org, id: 1038)

    /// A 420-character reason whose words are numbered, so a test can tell that every one was shown.
    private static let longReason = (1...60).map { "word\($0)" }.joined(separator: " ")

    private func failing(_ size: Size, reason: String = longReason) -> DashboardState {
        var state = StateFixture.populated(size: size)
        let error = GitHubError(
            kind: .validation, status: 422, message: reason, request: "DELETE /orgs/octo-org/migrations/1038/archive")
        _ = Reducer.reduce(&state, .actionFailed(.deleteArchive(key), error, at: StateFixture.now))
        return state
    }

    /// Every frame seen while pressing `key` until the dialog stops moving (at most `limit` presses).
    private func framesWhilePressing(_ key: Key, _ state: inout DashboardState, limit: Int = 80) -> [CellGrid] {
        var frames = [DashboardView.render(state)]
        for _ in 0..<limit {
            _ = Reducer.reduce(&state, .key(key))
            let frame = DashboardView.render(state)
            if frame == frames.last { break }
            frames.append(frame)
        }
        return frames
    }

    /// The rows inside the dialog box (found by its border's role), trimmed.
    private func dialogRows(_ grid: CellGrid) -> [String] {
        let borderRoles: Set<Role> = [ThemeRole.dialogBorder.role, ThemeRole.danger.role]
        var xs: [Int] = []
        var ys: [Int] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width where borderRoles.contains(grid[x, y].role) && grid[x, y].character == "│" {
                xs.append(x)
                ys.append(y)
            }
        }
        guard let left = xs.min(), let right = xs.max(), let top = ys.min(), let bottom = ys.max() else { return [] }
        return (top...bottom).map { y in
            let row = grid.row(y)
            let characters = Array(row)
            guard right < characters.count else { return row }
            return String(characters[(left + 1)..<right]).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test("an error reason in the Activity pane is wrapped, not cut, at 120x40")
    func activityWraps() {
        let grid = DashboardView.render(
            failing(Size(width: 120, height: 40), reason: Self.longReason.prefix(150) + " THE-END"))
        #expect(grid.contains("THE-END"), "\(grid.text)")
    }

    @Test(
        "the Activity detail dialog shows the whole reason, scrolling at 60x15",
        arguments: [
            Size(width: 60, height: 15), Size(width: 80, height: 24),
        ])
    func activityDetails(size: Size) {
        var state = failing(size)
        _ = Reducer.reduce(&state, .key(.character("4")))
        _ = Reducer.reduce(&state, .key(.enter))
        let frames = framesWhilePressing(.character("j"), &state)
        let seen = frames.flatMap(dialogRows).joined(separator: " ")
        let words = Set(seen.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        let missing = (1...60).map { "word\($0)" }.filter { !words.contains($0) }
        #expect(missing.isEmpty, "never shown: \(missing)")
    }

    @Test("the delete confirmation's warning that the archive is not downloaded is whole at 80x24")
    func deleteWarning() {
        var state = StateFixture.populated(size: Size(width: 80, height: 24))
        var cursor = ListCursor()
        cursor.selected = state.migrationOrder.firstIndex(of: key)!
        state.cursors[.migrations] = cursor
        _ = Reducer.reduce(&state, .key(.character("x")))
        let text = dialogRows(DashboardView.render(state)).joined(separator: " ")
        #expect(text.contains("It has not been downloaded."), "\(text)")
        #expect(text.contains("GitHub deletes it for good"))
    }

    @Test("the new-migration dialog at 60x15 still shows a repository, every flag whole, the button and the keys")
    func newMigrationAtSixtyByFifteen() {
        var state = StateFixture.populated(size: Size(width: 60, height: 15))
        _ = Reducer.reduce(&state, .key(.character("n")))
        _ = Reducer.reduce(&state, .repositoryChoicesLoaded(.user, ["octocat/Hello-World", "octocat/Spoon-Knife"]))
        let text = DashboardView.render(state).text
        #expect(text.contains("Hello-World"), "\(text)")
        for field in NewMigrationForm.Field.allCases where field != .scope && field != .repositories {
            #expect(text.contains(field.label), "\(field.label) not whole:\n\(text)")
        }
        #expect(text.contains("Tab next"), "\(text)")
    }

    @Test("every command of the help overlay can be read at 60x15, and the overlay says there is more")
    func helpAtSixtyByFifteen() {
        var state = StateFixture.populated(size: Size(width: 60, height: 15))
        _ = Reducer.reduce(&state, .key(.character("?")))
        let first = DashboardView.render(state)
        #expect(
            first.text.range(of: #"1-\d+/\d+"#, options: .regularExpression) != nil, "no sign of more:\n\(first.text)")
        let frames = framesWhilePressing(.down, &state)
        let seen = frames.flatMap(dialogRows)
        let missing = Command.allCases.filter { command in !seen.contains { $0.contains(command.summary) } }
        #expect(missing.isEmpty, "never shown whole: \(missing.map(\.summary))")
    }

    private var report: ArchiveReport {
        var report = ArchiveReport(file: "octo-org-migration-1038.tar.gz")
        report.compressedBytes = 3_184_733
        report.uncompressedBytes = 3_303_424
        report.entries = 131
        report.sha256 = String(repeating: "0123456789abcdef", count: 4)
        report.schemaVersion = "1.0.1"
        report.repositories = (1...40).map { .init(name: "octo-org/service-\($0)", files: 12, bytes: 3_200) }
        return report
    }

    @Test(
        "the archive report shows the whole SHA-256 and every repository at 80x24 and 60x15",
        arguments: [
            Size(width: 80, height: 24), Size(width: 60, height: 15),
        ])
    func archiveReport(size: Size) {
        var state = StateFixture.populated(size: size)
        var cursor = ListCursor()
        cursor.selected = state.migrationOrder.firstIndex(of: key)!
        state.cursors[.migrations] = cursor
        let path = "/archives/octo-org-migration-1038.tar.gz"
        _ = Reducer.reduce(&state, .archivesFound([key: path]))
        _ = Reducer.reduce(&state, .key(.enter))
        _ = Reducer.reduce(&state, .archiveInspected(key, path: path, report))
        let first = dialogRows(DashboardView.render(state))
        #expect(first.joined().contains(report.sha256!), "SHA-256 cut:\n\(first.joined(separator: "\n"))")
        let frames = framesWhilePressing(.character("j"), &state)
        let seen = frames.flatMap(dialogRows)
        let missing = (1...40).filter { index in !seen.contains { $0.hasPrefix("octo-org/service-\(index) ") } }
        #expect(missing.isEmpty, "repositories never listed: \(missing)")
    }

    @Test("dialog scrolling: j/k, PgDn/PgUp, g/G move within the text and stop at its ends")
    func scrollKeys() {
        var state = failing(Size(width: 60, height: 15))
        _ = Reducer.reduce(&state, .key(.character("4")))
        _ = Reducer.reduce(&state, .key(.enter))
        func range() -> String? {
            let text = DashboardView.render(state).text
            return text.range(of: #"\d+-\d+/\d+"#, options: .regularExpression).map { String(text[$0]) }
        }
        let top = range()
        #expect(top?.hasPrefix("1-") == true, "\(String(describing: top))")
        _ = Reducer.reduce(&state, .key(.character("k")))
        #expect(range() == top, "k at the top stays there")
        _ = Reducer.reduce(&state, .key(.character("j")))
        #expect(range()?.hasPrefix("2-") == true)
        _ = Reducer.reduce(&state, .key(.character("G")))
        let bottom = range()
        let total = bottom.flatMap { $0.split(separator: "/").last.map(String.init) }
        #expect(bottom?.hasSuffix("-\(total ?? "?")/\(total ?? "?")") == true, "\(String(describing: bottom))")
        _ = Reducer.reduce(&state, .key(.character("j")))
        #expect(range() == bottom, "j at the bottom stays there")
        _ = Reducer.reduce(&state, .key(.pageUp))
        #expect(range() != bottom)
        _ = Reducer.reduce(&state, .key(.character("g")))
        #expect(range() == top)
        _ = Reducer.reduce(&state, .key(.pageDown))
        #expect(range() != top)
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.overlay == nil)
    }

    @Test("wrapping counts wide characters as two columns and never overflows a row")
    func wideCharacters() {
        let reason = String(repeating: "日本語のリポジトリ ", count: 20) + "終わり"
        var state = failing(Size(width: 80, height: 24), reason: reason)
        let pane = DashboardView.render(state)
        for y in 0..<pane.height { #expect(DisplayWidth.of(pane.row(y)) == 80, "row \(y) is not 80 columns") }
        _ = Reducer.reduce(&state, .key(.character("4")))
        _ = Reducer.reduce(&state, .key(.enter))
        let frames = framesWhilePressing(.character("j"), &state)
        for frame in frames {
            for y in 0..<frame.height { #expect(DisplayWidth.of(frame.row(y)) == 80, "row \(y) is not 80 columns") }
        }
        #expect(frames.flatMap(dialogRows).contains { $0.contains("終わり") })
    }

    @Test("moving through wrapped Activity entries keeps the selected one whole on screen")
    func activitySelectionWhole() {
        var state = StateFixture.populated(size: Size(width: 80, height: 24))
        for index in 1...12 {
            let reason = "failure \(index): " + String(Self.longReason.prefix(index % 3 == 0 ? 150 : 20))
            let error = GitHubError(kind: .validation, status: 422, message: reason, request: "DELETE /x")
            _ = Reducer.reduce(&state, .actionFailed(.deleteArchive(key), error, at: StateFixture.now))
        }
        _ = Reducer.reduce(&state, .key(.character("4")))
        let pane = Layout(size: state.size).panes[.activity]!
        let text = ActivityLines(layout: Layout(size: state.size))
        for step in 0..<state.activity.count {
            let grid = DashboardView.render(state)
            let selected = (pane.y + 1..<pane.y + pane.height - 1).filter { y in
                grid[pane.x + 2, y].role == ThemeRole.selection.role
            }
            let expected = text.lines(state.activity[state.cursor(.activity).selected]).count
            #expect(selected.count == expected, "step \(step): \(selected.count) of \(expected) lines shown")
            _ = Reducer.reduce(&state, .key(.character("j")))
        }
        _ = Reducer.reduce(&state, .key(.character("g")))
        #expect(state.cursor(.activity).offset == 0)
    }
}
