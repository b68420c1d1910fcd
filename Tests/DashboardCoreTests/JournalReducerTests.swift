import DashboardCore
import Foundation
import TerminalUI
import Testing

@Suite("The reducer and the journal: opened, moved aside, unavailable")
struct JournalReducerTests {
    let now = StateFixture.now

    private func state() -> DashboardState {
        DashboardState(now: now, size: Size(width: 120, height: 40), session: SessionInfo(host: "github.com"))
    }

    @Test("a damaged journal moved aside and a new one kept: said once, and not as `no journal`")
    func movedAside() {
        var state = state()
        let snapshot = JournalSnapshot(
            path: "/state/j.sqlite", activity: [], firstExported: [:],
            movedAside: "/state/j.sqlite.corrupt-20261122T140210Z")
        #expect(Reducer.reduce(&state, .journalOpened(snapshot)) == [])
        let text = "the journal was damaged and moved to /state/j.sqlite.corrupt-20261122T140210Z; a new one is kept"
        #expect(state.notice?.text == text)
        #expect(state.activity.filter { $0.kind == .error }.map(\.text) == [text])
        #expect(state.activity.contains { $0.text == "history from the journal /state/j.sqlite" })
        #expect(!state.activity.contains { $0.text.contains("no journal") || $0.text.contains("without one") })
    }

    @Test("a journal that cannot be opened: `no journal: …` in the footer and once in Activity")
    func unavailable() {
        var state = state()
        _ = Reducer.reduce(&state, .journalUnavailable("cannot open the journal /j: Permission denied", at: now))
        #expect(state.notice?.text == "no journal: cannot open the journal /j: Permission denied")
        #expect(
            state.activity.map(\.text) == [
                "no journal: cannot open the journal /j: Permission denied; running without one"
            ])
    }
}
