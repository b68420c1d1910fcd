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

    /// Writes `value` as indented JSON with sorted keys, the one form every `--json` prints. JSON escapes
    /// C0 controls itself; the filter still takes DEL, C1 and bidi overrides, which JSON leaves as they
    /// are, and keeps the encoder's newlines.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        line(String(decoding: try encoder.encode(value), as: UTF8.self))
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

    /// Writes every byte, or ends the process as a shell expects when the reader went away:
    /// `migdash list | head -3` must not crash (`FileHandle.write` traps on EPIPE), and a reader
    /// that left wants no more. The status is 141, as if SIGPIPE had ended it; nothing more is printed.
    private static func write(_ text: String, to handle: FileHandle) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let result = bytes[sent...].withUnsafeBytes { Glibc.write(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if result > 0 {
                sent += result
            } else if result < 0, errno == EINTR {
                continue
            } else {
                if errno == EPIPE { _exit(128 + SIGPIPE) }
                return
            }
        }
    }
}
