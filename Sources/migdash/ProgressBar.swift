import ArchiveModel
import GitHubMigrations
import TerminalUI

/// The one-line progress bar of `migdash download`, laid out to fit a terminal's width.
///
/// `downloading  45% [█████████░░░░░░░░░] 1.4 MB of 3.0 MB  12.3 MB/s  ETA 2s`: the bar takes the
/// room the words leave (8 to 30 cells); when the words leave less than 8, the rate goes first,
/// then the time left, then the bar, then the bytes, and what still does not fit is cut. The line stops two columns
/// short of the edge: a line that reaches the last column wraps, and a carriage return then redraws
/// only its second half; and the `^C` a terminal echoes on Ctrl-C must fit beside it, or it wraps
/// and leaves the bar on screen above the line that says what was kept.
enum ProgressBar {
    /// The narrowest bar worth drawing, and the widest.
    static let barCells = 8...30

    /// The line for `report` at `rate` bytes a second, at most `width - 2` columns wide.
    static func line(_ report: ArchiveDownloadProgress, rate: Double, width: Int) -> String {
        let limit = max(1, width - 2)
        let share = report.total.map { min(1, max(0, Double(report.bytes) / Double(max($0, 1)))) }
        let head = "\(report.phase.rawValue) " + String(Int((share ?? 0) * 100)).leftPadded(3) + "%"
        var bytes = ByteCount.text(report.bytes)
        if let total = report.total { bytes += " of \(ByteCount.text(total))" }
        let speed = rate > 0 ? "\(ByteCount.text(Int64(rate)))/s" : nil
        let remaining = report.total.flatMap { total -> String? in
            guard rate > 0 else { return nil }
            return "ETA " + duration(Double(max(0, total - report.bytes)) / rate)
        }
        // Richest first; each later choice leaves out what matters least. The bar goes before the
        // bytes: the percentage already says what it shows.
        let tails: [[String?]] = [[bytes, speed, remaining], [bytes, remaining], [bytes]]
        let choices = tails.map { tail in tail.compactMap { $0 }.map { " " + $0 }.joined(separator: " ") }
        for words in choices {
            let room = limit - DisplayWidth.of(head) - DisplayWidth.of(words) - 3
            guard room >= barCells.lowerBound else { continue }
            return head + " [" + cells(share ?? 0, min(room, barCells.upperBound)) + "]" + words
        }
        for words in choices where DisplayWidth.of(head + words) <= limit { return head + words }
        return DisplayWidth.truncate(head, to: limit)
    }

    /// `█████░░░░░`: `count` cells, the first `share` of them filled.
    static func cells(_ share: Double, _ count: Int) -> String {
        let filled = min(count, max(0, Int(share * Double(count))))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: count - filled)
    }

    /// `42s`, `3m 05s`, `1h 02m`; a time past a few days is not worth the digits.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 360_000 else { return "99h+" }
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m " + String(whole % 60).leftPadded(2, with: "0") + "s" }
        return "\(whole / 3600)h " + String(whole % 3600 / 60).leftPadded(2, with: "0") + "m"
    }
}

extension String {
    /// The string padded on the left to `width` characters.
    func leftPadded(_ width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
