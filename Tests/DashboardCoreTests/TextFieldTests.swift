import DashboardCore
import DashboardViews
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

/// Text fields edit as a shell's line does: the cursor moves, and Ctrl-U, Ctrl-K and Ctrl-W cut.
@Suite("Text fields: cursor keys and line editing")
struct TextFieldTests {
    private func typed(_ text: String, _ keys: [Key] = []) -> TextField {
        var field = TextField()
        // One key per scalar, as the curses decoder delivers them.
        for scalar in text.unicodeScalars { field.edit(.character(Character(scalar))) }
        for key in keys { field.edit(key) }
        return field
    }

    @Test("← and → move the cursor; typing and Backspace act where it is")
    func cursor() {
        let field = typed(
            "octocat/legacy", [.left, .left, .left, .left, .left, .left, .character("x"), .backspace, .backspace])
        #expect(field.text == "octocatlegacy")
        #expect(typed("abc", [.home, .character(">")]).text == ">abc")
        #expect(typed("abc", [.control("a"), .right, .delete]).text == "ac")
        #expect(typed("abc", [.home, .control("e"), .character("!")]).text == "abc!")
    }

    @Test("Ctrl-U cuts to the start, Ctrl-K to the end, Ctrl-W the word before the cursor")
    func cuts() {
        #expect(typed("svn://example.com/repo", [.control("u")]).text == "")
        #expect(typed("hello big world", [.control("w")]).text == "hello big ")
        #expect(typed("hello big world  ", [.control("w")]).text == "hello big ")
        #expect(typed("hello big world", [.left, .left, .left, .left, .left, .control("k")]).text == "hello big ")
        #expect(typed("hello big world", [.left, .left, .left, .left, .left, .control("u")]).text == "world")
    }

    @Test("a combining mark or the second half of a flag joins the character before it, without a trap")
    func combining() {
        let accent = typed("e\u{301}")
        #expect(accent.text == "é" && accent.cursor == 1)
        #expect(accent.shown(focused: true, width: 10) == "é▏")
        let flag = typed("\u{1F1EB}\u{1F1F7}", [.character("x"), .left, .backspace])
        #expect(flag.text == "x" && flag.cursor == 0)
    }

    @Test("the field shows the cursor where it is, and scrolls to keep it in view")
    func shown() {
        let field = typed("abcdef", [.left, .left])
        #expect(field.shown(focused: true, width: 20) == "abcd▏ef")
        #expect(field.shown(focused: false, width: 20) == "abcdef")
        let long = typed(String(repeating: "x", count: 50) + "END")
        let visible = long.shown(focused: true, width: 10)
        #expect(visible.hasSuffix("END▏") && DisplayWidth.of(visible) <= 11, "\(visible)")
        #expect(typed("secret", [.left]).shown(focused: true, width: 20) == "secre▏t")
        var password = TextField(secret: true)
        for c in "hunter2" { password.edit(.character(c)) }
        #expect(password.shown(focused: true, width: 20) == "•••••••▏")
    }

    @Test("in the import dialog ←/→ move the cursor in a text field, and Ctrl-U clears it")
    func inDialog() throws {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.character("i")))
        for c in "octocat/legcy" { _ = Reducer.reduce(&state, .key(.character(c))) }
        for _ in 0..<2 { _ = Reducer.reduce(&state, .key(.left)) }
        _ = Reducer.reduce(&state, .key(.character("a")))
        guard case .newImport(let form) = state.overlay else { throw Failure("no dialog") }
        #expect(form.repository.text == "octocat/legacy")
        _ = Reducer.reduce(&state, .key(.control("u")))
        guard case .newImport(let cleared) = state.overlay else { throw Failure("no dialog") }
        #expect(cleared.repository.text == "cy")
    }

    @Test("the filter line takes Ctrl-W and Ctrl-U too")
    func filterLine() {
        var state = StateFixture.populated()
        _ = Reducer.reduce(&state, .key(.character("/")))
        for c in "octo fail" { _ = Reducer.reduce(&state, .key(.character(c))) }
        _ = Reducer.reduce(&state, .key(.control("w")))
        #expect(state.filter == "octo ")
        _ = Reducer.reduce(&state, .key(.control("u")))
        #expect(state.filter == "" && state.filterEditing)
    }
}
