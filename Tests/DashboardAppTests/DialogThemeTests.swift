import ArchiveModel
import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

@testable import DashboardApp

/// Every dialog, drawn for real and read back cell by cell against every shipped theme.
@Suite("Text inside a dialog is drawn on the dialog's background in every theme")
struct DialogThemeTests {
    private static let now = Date(timeIntervalSince1970: 1_795_356_130)
    private static let org = MigrationScope.organization("octo-org")
    private static let key = MigrationKey(scope: org, id: 1038)

    /// Roles that are meant to stand out from the dialog (fields being typed in, the picked row).
    private static let highlights: Set<ThemeRole> = [
        .dialogField, .dialogFieldFocused, .selection, .selectionUnfocused,
    ]

    private static func state(readOnly: Bool = true) -> DashboardState {
        var state = DashboardState(
            now: now, size: Size(width: 100, height: 30), session: SessionInfo(host: "github.com", readOnly: readOnly))
        _ = Reducer.start(&state)
        _ = Reducer.reduce(&state, .connected(user: "octocat", orgs: ["octo-org"], at: now))
        let owner = SimpleUser(login: "octocat", id: 1)
        let repo = SimpleRepository(id: 7, name: "website", fullName: "octo-org/website", owner: owner)
        let migration = Migration(
            id: 1038, guid: "0b989ba4", state: .exported, createdAt: now.addingTimeInterval(-90_000),
            updatedAt: now.addingTimeInterval(-89_000), repositories: [repo], lockRepositories: true)
        Reducer.readWholeList(&state, org, [migration], at: now)
        return state
    }

    /// One state per dialog, each showing muted, emphasised and error text where that dialog has any.
    private static func dialogs() -> [(String, DashboardState)] {
        var result: [(String, DashboardState)] = []
        var help = state()
        _ = Reducer.reduce(&help, .key(.character("?")))
        result.append(("help", help))
        var confirm = state(readOnly: false)
        _ = Reducer.reduce(&confirm, .key(.character("x")))
        result.append(("confirm", confirm))
        var details = state()
        _ = Reducer.reduce(&details, .key(.enter))
        result.append(("details", details))
        var archive = state()
        let path = "/archives/a.tar.gz"
        _ = Reducer.reduce(&archive, .archivesFound([key: path]))
        _ = Reducer.reduce(&archive, .key(.enter))
        var report = ArchiveReport(file: "a.tar.gz")
        report.verdict = .truncated("the file ends inside the gzip stream")
        _ = Reducer.reduce(&archive, .archiveInspected(key, path: path, report))
        result.append(("archive", archive))
        var newMigration = state(readOnly: false)
        _ = Reducer.reduce(&newMigration, .key(.character("n")))
        result.append(("new migration", newMigration))
        var newImport = state(readOnly: false)
        _ = Reducer.reduce(&newImport, .key(.character("i")))
        result.append(("new import", newImport))
        for (name, key) in [("authors", Character("a")), ("lfs", Character("l"))] {
            var imports = state(readOnly: false)
            _ = Reducer.reduce(&imports, .importsDiscovered([RepositoryName(owner: "octo-org", name: "legacy")]))
            _ = Reducer.reduce(&imports, .key(.character("3")))
            _ = Reducer.reduce(&imports, .key(.character(key)))
            result.append((name, imports))
        }
        return result
    }

    @Test(
        "every cell of every dialog shares the dialog's background",
        arguments: ["default", "light", "high-contrast", "monochrome"])
    func dialogBackground(themeName: String) throws {
        let theme = try ThemeLoader.parse(RepositoryFiles.text("themes/\(themeName).yml"), name: themeName)
        let dialog = theme.style(ThemeRole.dialog.role)
        for (name, state) in Self.dialogs() {
            #expect(state.overlay != nil, "\(name) did not open")
            let grid = DashboardView.render(state)
            let box = Self.box(grid)
            #expect(box != nil, "no dialog box for \(name)")
            guard let box else { continue }
            var wrong: Set<String> = []
            for y in box.y..<(box.y + box.height) {
                for x in box.x..<(box.x + box.width) {
                    let role = grid[x, y].role
                    if let known = ThemeRole(rawValue: role.rawValue), Self.highlights.contains(known) { continue }
                    let style = theme.style(role)
                    if style.background != dialog.background || style.reverse != dialog.reverse {
                        wrong.insert(role.rawValue)
                    }
                }
            }
            #expect(wrong.isEmpty, "\(themeName): \(name) draws \(wrong.sorted()) off the dialog's background")
        }
    }

    /// The dialog's box, from the cells drawn in its border roles.
    private static func box(_ grid: CellGrid) -> Rect? {
        let border: Set<String> = [ThemeRole.dialogBorder.rawValue, ThemeRole.danger.rawValue]
        var xs: [Int] = []
        var ys: [Int] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width
            where border.contains(grid[x, y].role.rawValue) && "┌┐└┘".contains(grid[x, y].character) {
                xs.append(x)
                ys.append(y)
            }
        }
        guard let left = xs.min(), let right = xs.max(), let top = ys.min(), let bottom = ys.max() else { return nil }
        return Rect(x: left, y: top, width: right - left + 1, height: bottom - top + 1)
    }
}
