import Foundation
import TerminalUI

/// Why the journal could not be opened, written or read: one line for the user, naming the file and the
/// reason as the system gave it ("Permission denied", "database or disk is full").
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The journal's folder does not exist and cannot be made.
    case folder(path: String, reason: String)
    /// The file cannot be created or opened as a journal.
    case open(path: String, reason: String)
    /// A write failed; nothing of that call was kept.
    case write(path: String, reason: String)
    /// A read failed.
    case read(path: String, reason: String)

    /// The one line the user reads.
    public var description: String {
        switch self {
        case .folder(let path, let reason): Self.line("cannot create the journal's folder \(path): \(reason)")
        case .open(let path, let reason): Self.line("cannot open the journal \(path): \(reason)")
        case .write(let path, let reason): Self.line("cannot write to the journal \(path): \(reason)")
        case .read(let path, let reason): Self.line("cannot read the journal \(path): \(reason)")
        }
    }

    /// Newlines and control characters out, so that a path or an SQLite message stays one line.
    private static func line(_ text: String) -> String {
        TerminalText.safe(text.replacingOccurrences(of: "\n", with: " "))
    }
}
