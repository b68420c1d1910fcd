import Foundation
import TerminalUI

/// The one way a command writes text: every line passes `TerminalText`'s filter, so nothing a server,
/// an archive or a file sent (a message, a state, a guid, an entry name) reaches the terminal as a
/// control sequence. Newlines are kept where a text means them; every other control character,
/// DEL, C1 and bidirectional override becomes `?`.
enum Console {
    /// Writes `text` and a newline to standard output.
    static func line(_ text: String) {
        write(TerminalText.safe(text, keepingNewlines: true) + "\n", to: .standardOutput)
    }

    /// Writes `text` and a newline to standard error.
    static func error(_ text: String) {
        write(TerminalText.safe(text, keepingNewlines: true) + "\n", to: .standardError)
    }

    /// Writes a progress line in place: a carriage return, the filtered `text`, and an erase to the end
    /// of the line (the only control characters migdash writes itself). An empty `text` clears the line.
    static func redraw(_ text: String) {
        write("\r" + TerminalText.safe(text) + "\u{1B}[K", to: .standardOutput)
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
