/// How long an export under way is likely to take, from finished exports of a similar size: the
/// `similarCount` finished exports whose repository counts are nearest (the newer first among equals),
/// their median seconds per repository, times this one's repository count.
public struct ExportEstimate: Sendable, Equatable {
    /// How many finished exports are compared at most.
    public static let similarCount = 9

    /// How long the whole export is likely to take, in seconds.
    public var typical: Double
    /// Seconds left at the time asked; negative once it takes longer than usual.
    public var remaining: Double
    /// How many finished exports the estimate rests on.
    public var basis: Int

    /// An estimate.
    public init(typical: Double, remaining: Double, basis: Int) {
        self.typical = typical
        self.remaining = remaining
        self.basis = basis
    }

    /// The estimate for an export of `repositories` under way for `elapsed` seconds, from `samples`
    /// (newest first); nil when there is nothing to compare with.
    public static func make(repositories: Int, elapsed: Double, samples: [ExportSample]) -> ExportEstimate? {
        let usable = samples.enumerated().filter { $0.element.seconds.isFinite && $0.element.seconds >= 0 }
        guard !usable.isEmpty else { return nil }
        let nearest = usable.sorted { a, b in
            let (x, y) = (
                distance(a.element.repositories, repositories), distance(b.element.repositories, repositories)
            )
            return x != y ? x < y : a.offset < b.offset
        }.prefix(similarCount)
        // Per repository, so a near neighbour of another size still scales; an export of metadata only (no
        // repository) counts as one.
        let rates = nearest.map { $0.element.seconds / Double(max(1, $0.element.repositories)) }.sorted()
        let middle = rates.count / 2
        let median = rates.count % 2 == 1 ? rates[middle] : (rates[middle - 1] + rates[middle]) / 2
        let typical = median * Double(max(1, repositories))
        return ExportEstimate(typical: typical, remaining: typical - elapsed, basis: rates.count)
    }

    /// `|a - b|`, saturating.
    private static func distance(_ a: Int, _ b: Int) -> Int {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        return overflow || difference == .min ? .max : abs(difference)
    }

    /// `about 12m left, from 9 similar exports`, or `taking longer than 9 similar exports (about 20m)`.
    public var text: String {
        let exports = basis == 1 ? "1 similar export" : "\(basis) similar exports"
        if remaining > 0 { return "about \(TimeFormat.duration(remaining)) left, from \(exports)" }
        return "taking longer than \(exports) (about \(TimeFormat.duration(typical)))"
    }

    /// `9m left` or `overdue`: the row's short form.
    public var shortText: String { remaining > 0 ? "\(TimeFormat.duration(remaining)) left" : "overdue" }
}
