/// Why the terminal could not be started; its description is the one line to show the user.
public struct TerminalStartError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong; the raw value is a stable code for logs and tests.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Standard input is not a terminal, so there are no key presses to read.
        case inputNotATerminal = "input-not-a-terminal"
        /// Standard output is not a terminal (redirected to a file or a pipe).
        case outputNotATerminal = "output-not-a-terminal"
        /// `TERM` is unset or empty and no terminal name was given.
        case terminalNotSet = "term-not-set"
        /// ncurses has no usable terminfo entry for the terminal name.
        case unknownTerminal = "unknown-terminal"
        /// The terminal cannot move the cursor (such as `dumb`), so it cannot show a full screen.
        case terminalTooLimited = "terminal-too-limited"
    }

    /// What went wrong.
    public var kind: Kind
    /// The terminal name that was tried, for `unknownTerminal` and `terminalTooLimited`.
    public var terminalName: String?

    /// Creates an error.
    public init(kind: Kind, terminalName: String? = nil) {
        self.kind = kind
        self.terminalName = terminalName
    }

    /// A stable code such as `unknown-terminal`.
    public var code: String { kind.rawValue }

    /// One line that says what is wrong and what to try.
    public var description: String {
        let reason: String
        switch kind {
        case .inputNotATerminal:
            reason = "standard input is not a terminal; run it from an interactive terminal"
        case .outputNotATerminal:
            reason = "standard output is not a terminal; do not redirect it to a file or a pipe"
        case .terminalNotSet:
            reason = "TERM is not set; try TERM=xterm-256color"
        case .unknownTerminal:
            reason = "TERM \"\(terminalName ?? "")\" is unknown to ncurses; try TERM=xterm-256color"
        case .terminalTooLimited:
            reason = "TERM \"\(terminalName ?? "")\" cannot move the cursor; try TERM=xterm-256color"
        }
        return "cannot start the terminal: " + reason
    }
}
