import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@Suite("What the panes keep when space is short, and where the selection is in a long list")
struct PaneFitTests {
    @Test(
        "from 60 to 79 columns the ARCHIVE column (time left) stays; SCOPE narrows, then goes first", arguments: 60..<80
    )
    func archiveBeforeScope(width: Int) {
        let grid = DashboardView.render(StateFixture.populated(size: Size(width: width, height: 15)))
        #expect(grid.row(2).contains("ARCHIVE"), "\(grid.text)")
        #expect(grid.contains("6d 23h left"))
        if width < 74 { #expect(!grid.row(2).contains("SCOPE")) }
        if grid.row(2).contains("SCOPE") { #expect(grid.row(3).contains("octo-org")) }
    }

    @Test("at 80x24 both SCOPE and ARCHIVE show, and the organization is not cut")
    func scopeAndArchive() {
        let grid = DashboardView.render(StateFixture.populated(size: Size(width: 80, height: 24)))
        #expect(grid.row(2).contains("SCOPE"))
        #expect(grid.row(2).contains("ARCHIVE"))
        #expect(grid.row(3).contains("octo-org"))
    }

    @Test("an old date is written whole in CREATED and UPDATED at 120x40")
    func oldDates() {
        var state = StateFixture.populated()
        // 2015-07-14 12:00 UTC.
        let old = Date(timeIntervalSince1970: 1_436_875_200)
        let migration = StateFixture.migration(
            77, .exported, created: old.timeIntervalSince(StateFixture.now), repos: ["octo-org/first"])
        _ = Reducer.reduce(
            &state, .onlyPage(StateFixture.org, StateFixture.orgMigrations + [migration], at: StateFixture.now))
        let grid = DashboardView.render(state)
        let row = (0..<grid.height).map(grid.row).first { $0.contains("    77 ") } ?? ""
        #expect(row.components(separatedBy: "2015-07-14").count == 3, "created and updated in: \(row)")
        #expect(grid.row(2).contains("UPDATED"))
    }

    private func manyMigrations(_ size: Size) -> DashboardState {
        var state = StateFixture.awaitingOrg(size: size)
        let many = (0..<100).map { index in
            StateFixture.migration(
                Int64(5_000 + index), .exported, created: -Double(index) * 600, repos: ["octo-org/r"])
        }
        Reducer.readWholeList(&state, StateFixture.org, many, at: StateFixture.now)
        return state
    }

    @Test("a list longer than its pane shows the selected row's position in the pane's bottom border")
    func positionIndicator() {
        var state = manyMigrations(Size(width: 80, height: 24))
        let layout = Layout(size: state.size)
        let bottom = layout.panes[.migrations]!.y + layout.panes[.migrations]!.height - 1
        let width = layout.panes[.migrations]!.width
        func border() -> String { String(DashboardView.render(state).row(bottom).prefix(width)) }
        #expect(border().contains(" 1/101 "), "\(border())")
        _ = Reducer.reduce(&state, .key(.character("j")))
        _ = Reducer.reduce(&state, .key(.character("j")))
        #expect(border().contains(" 3/101 "), "\(border())")
        _ = Reducer.reduce(&state, .key(.character("G")))
        #expect(border().contains(" 101/101 "), "\(border())")
        let short = DashboardView.render(StateFixture.populated(size: Size(width: 80, height: 24)))
        #expect(!short.row(bottom).prefix(width).contains("/"), "a list that fits has no position")
    }

    @Test("the help overlay marks commands --readonly disables with words, not only a colour")
    func readOnlyMark() {
        var state = StateFixture.populated(readOnly: true)
        _ = Reducer.reduce(&state, .key(.character("?")))
        let grid = DashboardView.render(state)
        let rows = (0..<grid.height).map(grid.row)
        for command in Command.allCases {
            let marked = rows.contains { $0.contains(command.summary + " (read-only)") }
            #expect(marked == command.isMutating, "\(command.summary)")
        }
        var writable = StateFixture.populated()
        _ = Reducer.reduce(&writable, .key(.character("?")))
        #expect(!DashboardView.render(writable).contains("(read-only)"))
    }

    @Test("typing in the help overlay narrows it; Backspace edits; the first Esc clears, the next closes")
    func helpFilter() {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.character("?")))
        for character in "del" { _ = Reducer.reduce(&state, .key(.character(character))) }
        var grid = DashboardView.render(state)
        #expect(grid.contains("delete archive"))
        #expect(grid.contains("del"))
        #expect(!grid.contains("next pane"))
        #expect(!grid.contains("refresh now"))
        _ = Reducer.reduce(&state, .key(.backspace))
        _ = Reducer.reduce(&state, .key(.backspace))
        _ = Reducer.reduce(&state, .key(.backspace))
        for character in "PgDn" { _ = Reducer.reduce(&state, .key(.character(character))) }
        grid = DashboardView.render(state)
        #expect(grid.contains("page down"), "matches a key's name")
        #expect(!grid.contains("delete archive"))
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.overlay != nil, "the first Esc clears the filter")
        grid = DashboardView.render(state)
        #expect(grid.contains("delete archive") && grid.contains("next pane"))
        _ = Reducer.reduce(&state, .key(.escape))
        #expect(state.overlay == nil)
    }
}
