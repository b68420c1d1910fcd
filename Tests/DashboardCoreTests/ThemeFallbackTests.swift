import DashboardCore
import TerminalUI
import Testing

@Suite("Themes written before a role existed still load")
struct ThemeFallbackTests {
    /// Every role of the catalogue styled plainly, `text.emphasis` bold.
    private func entries(without left: Set<String>) -> [String: StyleSpec] {
        var entries: [String: StyleSpec] = [:]
        for role in ThemeRole.allCases where !left.contains(role.rawValue) {
            entries[role.rawValue] = StyleSpec(attributes: role == .emphasis ? ["bold"] : [])
        }
        return entries
    }

    @Test("a theme without row.marked styles marks as its text.emphasis")
    func markedFallsBack() throws {
        let theme = try Theme(name: "older", entries: entries(without: ["row.marked"]))
        #expect(theme.style(ThemeRole.marked.role) == theme.style(ThemeRole.emphasis.role))
        #expect(theme.style(ThemeRole.marked.role).bold)
    }

    @Test("a role with nothing to fall back on is still required")
    func othersRequired() {
        #expect(throws: ThemeError.missingRoles(theme: "older", roles: ["row.selected"])) {
            try Theme(name: "older", entries: entries(without: ["row.selected"]))
        }
    }
}
