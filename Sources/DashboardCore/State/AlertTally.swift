import Foundation

/// The desktop notifications asked for within `window` seconds, kept as counts so that a poll in which 300
/// migrations finish sends one notification ("300 migrations exported"), not 300, and twenty
/// organizations' lists answering in twenty turns of the same second send one, not twenty.
///
/// Bounded whatever happens: a count per kind and the first notification's text.
public struct AlertTally: Sendable, Equatable {
    /// What happened.
    public enum Kind: CaseIterable, Sendable, Hashable {
        case migrationExported, migrationFailed, importCompleted, importNeedsAttention, downloadFinished,
            downloadFailed

        /// `count` of this kind in words: "3 migrations exported".
        func phrase(_ count: Int) -> String {
            let many = count != 1
            switch self {
            case .migrationExported: return "\(count) migration\(many ? "s" : "") exported"
            case .migrationFailed: return "\(count) migration\(many ? "s" : "") failed"
            case .importCompleted: return "\(count) import\(many ? "s" : "") complete"
            case .importNeedsAttention: return "\(count) import\(many ? "s need" : " needs") attention"
            case .downloadFinished: return "\(count) archive\(many ? "s" : "") downloaded"
            case .downloadFailed: return "\(count) download\(many ? "s" : "") failed"
            }
        }
    }

    /// How many of each kind this turn.
    public private(set) var counts: [Kind: Int] = [:]
    /// The first notification's own text, used when it is the only one.
    public private(set) var first: String?
    /// When the first of them was asked for: they go together `window` seconds later.
    public private(set) var since: Date?

    /// Seconds notifications wait for others to join them.
    public static let window: TimeInterval = 2

    /// Nothing asked for yet.
    public init() {}

    /// True when nothing was asked for.
    public var isEmpty: Bool { counts.isEmpty }

    /// Notes one notification.
    public mutating func add(_ kind: Kind, _ text: String, at time: Date) {
        if counts.isEmpty {
            first = text
            since = time
        }
        counts[kind, default: 0] = min(counts[kind, default: 0], Int.max - 1) + 1
    }

    /// The text of one notification standing for all of them: the only one's own text, else a count of
    /// each kind in a fixed order ("12 migrations exported, 1 migration failed").
    public var summary: String? {
        let total = counts.values.reduce(0) { $0.addingReportingOverflow($1).partialValue }
        if total == 1 { return first }
        guard total > 1 else { return nil }
        return Kind.allCases.compactMap { kind in counts[kind].map(kind.phrase) }.joined(separator: ", ")
    }
}
