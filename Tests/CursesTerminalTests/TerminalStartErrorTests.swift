import Testing

@testable import CursesTerminal

@Suite("Messages when the terminal cannot start")
struct TerminalStartErrorTests {
    @Test("An unknown TERM names the value and a fix")
    func unknown() {
        let error = TerminalStartError(kind: .unknownTerminal, terminalName: "nope")
        #expect(
            error.description
                == "cannot start the terminal: TERM \"nope\" is unknown to ncurses; try TERM=xterm-256color")
        #expect(error.code == "unknown-terminal")
    }

    @Test("Every kind has a one-line message that starts the same way")
    func oneLine() {
        for kind in TerminalStartError.Kind.allCases {
            let text = TerminalStartError(kind: kind, terminalName: "dumb").description
            #expect(text.hasPrefix("cannot start the terminal: "))
            #expect(!text.contains("\n"))
        }
    }
}
