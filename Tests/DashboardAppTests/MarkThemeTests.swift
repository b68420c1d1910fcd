import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@testable import DashboardApp

/// A marked row must be told apart from an unmarked one in every shipped theme, with or without colour.
@Suite("Marked rows stand out in every theme")
struct MarkThemeTests {
    private static let now = Date(timeIntervalSince1970: 1_795_356_130)

    private static func markedState() -> DashboardState {
        var state = DashboardState(
            now: now, size: Size(width: 100, height: 30), session: SessionInfo(host: "github.com"))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org"], at: now))
        let owner = SimpleUser(login: "octocat", id: 1)
        let migrations = (0..<3).map { index in
            let repo = SimpleRepository(
                id: 7 + Int64(index), name: "repo-\(index)", fullName: "octo-org/repo-\(index)", owner: owner)
            return Migration(
                id: 1038 + Int64(index), guid: "0b989ba4-\(index)", state: .exported,
                createdAt: now.addingTimeInterval(-90_000 + Double(index)), updatedAt: now.addingTimeInterval(-89_000),
                repositories: [repo], lockRepositories: true)
        }
        Reducer.readWholeList(&state, .organization("octo-org"), migrations, at: now)
        // The selection moves on to the second row: the first is marked and not selected.
        _ = Reducer.reduce(&state, .key(.character(" ")))
        return state
    }

    @Test(
        "the mark glyph is drawn in row.marked, which differs from plain text even without colour",
        arguments: ["default", "light", "high-contrast", "monochrome"])
    func markVisible(themeName: String) throws {
        let theme = try ThemeLoader.parse(RepositoryFiles.text("themes/\(themeName).yml"), name: themeName)
        let state = Self.markedState()
        let grid = DashboardView.render(state)
        let marks = (0..<grid.height).flatMap { y in
            (0..<grid.width).compactMap { x in grid[x, y].character == "*" ? grid[x, y] : nil }
        }
        #expect(marks.count == 1, "one marked row, one glyph")
        let mark = try #require(marks.first)
        #expect(mark.role == ThemeRole.marked.role)
        let normal = theme.style(ThemeRole.normal.role)
        let marked = theme.style(ThemeRole.marked.role)
        #expect(marked != normal)
        #expect(marked.withoutColor != normal.withoutColor, "only colour tells it apart in \(themeName)")
    }
}

extension Style {
    /// The style as a terminal without colour shows it.
    fileprivate var withoutColor: Style {
        var plain = self
        plain.foreground = .default
        plain.background = .default
        return plain
    }
}
