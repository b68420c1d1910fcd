import ArchiveModel
import GitHubMigrations
import Testing

@testable import migdash

@Suite("The progress bar's layout at every width, and where the width comes from")
struct ProgressLayoutTests {
    /// Reports of a 40 MB download and a 2.6 GB one at two rates, and one of unknown size.
    private let reports: [(ArchiveDownloadProgress, Double)] = [
        (ArchiveDownloadProgress(phase: .downloading, bytes: 1_234_567, total: 41_943_040), 262_144),
        (ArchiveDownloadProgress(phase: .downloading, bytes: 1_288_490_188, total: 2_791_728_742), 12_900_000),
        (ArchiveDownloadProgress(phase: .verifying, bytes: 41_943_040, total: 41_943_040), 0),
        (ArchiveDownloadProgress(phase: .downloading, bytes: 987_654, total: nil), 100_000),
        (ArchiveDownloadProgress(phase: .downloading, bytes: 10, total: 1_099_511_627_776), 1),
    ]

    @Test("from 1 to 200 columns the line stays two columns short of the edge")
    func neverTooWide() {
        for width in 1...200 {
            for (report, rate) in reports {
                let line = ProgressBar.line(report, rate: rate, width: width)
                #expect(line.count <= max(1, width - 2), "\(line.count) at \(width): \(line)")
            }
        }
    }

    @Test("the bar widens up to 30 cells; as the width shrinks the rate goes, then the time left, the bar, the bytes")
    func dropsInOrder() {
        let (report, rate) = reports[0]
        let line = { (width: Int) in ProgressBar.line(report, rate: rate, width: width) }
        let empty = { (cells: Int) in "[" + String(repeating: "░", count: cells) + "]" }
        // Sizes as ByteCount writes them, so the expectations hold whatever its units.
        let bytes = "\(ByteCount.text(1_234_567)) of \(ByteCount.text(41_943_040))"
        let speed = "\(ByteCount.text(262_144))/s"
        let head = "downloading   2%"
        #expect(line(120) == "\(head) \(empty(30)) \(bytes)  \(speed)  ETA 2m 36s")
        // The bar takes what the words leave of width - 2 columns, less its brackets and a space.
        let at80 = 78 - head.count - 3 - " \(bytes)  \(speed)  ETA 2m 36s".count
        #expect(line(80) == "\(head) \(empty(at80)) \(bytes)  \(speed)  ETA 2m 36s")
        // At 60 the rate has gone; the time left stays only if the bar still gets its fewest cells.
        let withETA = 58 - head.count - 3 - " \(bytes)  ETA 2m 36s".count
        let at60 = ProgressBar.barCells.contains(withETA) ? withETA : 58 - head.count - 3 - " \(bytes)".count
        let eta60 = at60 == withETA ? "  ETA 2m 36s" : ""
        #expect(line(60) == "\(head) \(empty(at60)) \(bytes)\(eta60)")
        #expect(line(50) == "\(head) \(empty(48 - head.count - 3 - bytes.count - 1)) \(bytes)")
        #expect(line(40) == "\(head) \(bytes)")
        #expect(line(20) == head)
        #expect(line(10) == "downloa…")
        #expect([at80, at60].allSatisfy { ProgressBar.barCells.contains($0) })
    }

    @Test("the width is the terminal's, else COLUMNS, else 80")
    func widthSource() {
        #expect(TerminalWidth.resolve(terminalColumns: 132, environment: ["COLUMNS": "100"]) == 132)
        #expect(TerminalWidth.resolve(terminalColumns: nil, environment: ["COLUMNS": "100"]) == 100)
        #expect(TerminalWidth.resolve(terminalColumns: 0, environment: ["COLUMNS": "wide"]) == 80)
        #expect(TerminalWidth.resolve(terminalColumns: nil, environment: ["COLUMNS": "99999999"]) == 1_000)
        #expect(TerminalWidth.resolve(terminalColumns: nil, environment: [:]) == 80)
    }

    @Test("the piped line's percentage stays in 0...100 for any sizes, even near Int64.max")
    func pipedLineNeverOverflows() {
        let huge = ArchiveDownloadProgress(phase: .downloading, bytes: Int64.max - 1, total: Int64.max)
        #expect(
            ProgressDisplay.line(huge).hasPrefix("downloading 99% ")
                || ProgressDisplay.line(huge).hasPrefix("downloading 100% "))
        let past = ArchiveDownloadProgress(phase: .downloading, bytes: Int64.max, total: 10)
        #expect(ProgressDisplay.line(past).hasPrefix("downloading 100% "))
        let none = ArchiveDownloadProgress(phase: .downloading, bytes: -5, total: 0)
        #expect(ProgressDisplay.line(none).hasPrefix("downloading 0% "))
        #expect(ProgressDisplay.share(1 << 62, of: 1 << 62, in: 10) == 10)
        #expect(ProgressDisplay.share(3, of: 10, in: 10) == 3)
    }
}
