import Foundation

/// One line of a migration's history in its details: a state observed, a request sent about it or an
/// archive downloaded, as the journal recorded it.
public struct HistoryLine: Sendable, Equatable {
    /// What the line records.
    public enum Kind: Sendable, Equatable {
        /// A state observed (`exporting`), or the migration leaving GitHub's list.
        case state
        /// A request that changed something, with its status and GitHub's request id.
        case request
        /// A request that failed.
        case failedRequest
        /// An archive downloaded and verified.
        case download
    }

    /// When it happened (observed, answered, verified).
    public var at: Date
    /// What it records.
    public var kind: Kind
    /// One line of text, already safe for a terminal.
    public var text: String
    /// True for a state reached before migdash looked: it happened some time before `at`.
    public var approximate: Bool

    /// A line.
    public init(at: Date, kind: Kind, text: String, approximate: Bool = false) {
        self.at = at
        self.kind = kind
        self.text = text
        self.approximate = approximate
    }
}

/// A migration's history as the details show it: asked for, read, or not to be had.
public enum HistoryLoad: Sendable, Equatable {
    /// Asked for; the journal has not answered yet.
    case loading
    /// The latest lines, oldest first, and how many earlier ones were left out.
    case loaded([HistoryLine], earlier: Int)
    /// No history: no journal is kept, or it could not be read (the reason, one line).
    case unavailable(String)

    /// The most lines the details show.
    public static let lineLimit = 50

    /// The latest `lineLimit` of `lines` (oldest first), counting those left out.
    public static func latest(_ lines: [HistoryLine], earlier: Int = 0) -> HistoryLoad {
        let dropped = max(0, lines.count - lineLimit)
        let (total, overflow) = earlier.addingReportingOverflow(dropped)
        return .loaded(Array(lines.suffix(lineLimit)), earlier: overflow ? .max : total)
    }
}
