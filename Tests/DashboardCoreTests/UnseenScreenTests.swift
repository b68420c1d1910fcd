import DashboardCore
import Foundation
import GitHubMigrations
import TerminalUI
import Testing

/// Keys act only on what the user can see: nothing but quitting works on the "terminal too small"
/// screen, and a confirmation that was never drawn cannot be answered.
@Suite("Keys never act on a screen the user has not seen")
struct UnseenScreenTests {
    private func selectExported(_ state: inout DashboardState) {
        let index = state.migrationOrder.firstIndex { $0.id == 1038 }!
        var cursor = ListCursor()
        cursor.selected = index
        state.cursors[.migrations] = cursor
    }

    @Test("while the terminal is too small, x then y deletes nothing and opens nothing")
    func tooSmallIgnoresKeys() {
        var state = StateFixture.populated()
        selectExported(&state)
        _ = Reducer.reduce(&state, .resized(Size(width: 50, height: 12)))
        _ = Reducer.reduce(&state, .drawn)
        var effects: [Effect] = []
        for key: Key in [.character("x"), .character("y"), .character("n"), .enter, .character("d"), .character("u")] {
            effects += Reducer.reduce(&state, .key(key))
            _ = Reducer.reduce(&state, .drawn)
        }
        #expect(effects.isEmpty)
        #expect(state.overlay == nil)
        #expect(Reducer.reduce(&state, .key(.character("q"))) == [.quit])
    }

    @Test("a confirmation opened before a shrink cannot be answered while it is hidden, and can be once shown again")
    func hiddenConfirmation() {
        var state = StateFixture.populated()
        selectExported(&state)
        _ = Reducer.reduce(&state, .key(.character("x")))
        _ = Reducer.reduce(&state, .resized(Size(width: 40, height: 10)))
        #expect(Reducer.reduce(&state, .key(.character("y"))).isEmpty)
        _ = Reducer.reduce(&state, .resized(Size(width: 120, height: 40)))
        _ = Reducer.reduce(&state, .drawn)
        let key = MigrationKey(scope: StateFixture.org, id: 1038)
        #expect(Reducer.reduce(&state, .key(.character("y"))) == [.perform(.deleteArchive(key))])
    }

    @Test("x and y typed ahead in one batch, before the question is drawn, do not confirm")
    func typedAhead() {
        var state = StateFixture.populated()
        selectExported(&state)
        _ = Reducer.reduce(&state, .key(.character("x")))
        #expect(Reducer.reduce(&state, .key(.character("y"))).isEmpty)
        guard case .confirm = state.overlay else {
            Issue.record("the question should still be open")
            return
        }
        _ = Reducer.reduce(&state, .drawn)
        #expect(Reducer.reduce(&state, .key(.character("y"))).count == 1)
    }

    @Test("a question drawn while the terminal is too small is not counted as seen")
    func drawnTooSmall() {
        var state = StateFixture.populated()
        selectExported(&state)
        _ = Reducer.reduce(&state, .key(.character("x")))
        _ = Reducer.reduce(&state, .resized(Size(width: 40, height: 10)))
        _ = Reducer.reduce(&state, .drawn)
        _ = Reducer.reduce(&state, .resized(Size(width: 120, height: 40)))
        #expect(Reducer.reduce(&state, .key(.character("y"))).isEmpty)
    }
}
