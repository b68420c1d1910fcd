import DashboardCore
import Foundation
import TerminalUI
import Testing

/// Screen snapshots: the grid's text and a one-letter-per-cell role map, kept in `Snapshots/NAME.txt`.
///
/// A missing or different snapshot fails. To re-record on purpose, run with `MIGDASH_RECORD_SNAPSHOTS=1`:
/// the files are rewritten and the test still fails once, so a recording never passes silently.
enum Snapshot {
    static func text(of grid: CellGrid) -> String {
        grid.text + "\n--- roles\n" + grid.roleMap(ThemeRole.letter(for:)) + "\n"
    }

    static func assert(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let file = folder.appendingPathComponent("\(name).txt")
        let actual = text(of: grid)
        if ProcessInfo.processInfo.environment["MIGDASH_RECORD_SNAPSHOTS"] == "1" {
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded snapshot \(name); run again without MIGDASH_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record(
                "no snapshot \(name); record it with MIGDASH_RECORD_SNAPSHOTS=1:\n\(actual)",
                sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
    }
}
