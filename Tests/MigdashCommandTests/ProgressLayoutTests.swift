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
        #expect(line(120) == "downloading   2% \(empty(30)) 1.2 MB of 40.0 MB  256.0 KB/s  ETA 2m 36s")
        #expect(line(80) == "downloading   2% \(empty(17)) 1.2 MB of 40.0 MB  256.0 KB/s  ETA 2m 36s")
        #expect(line(60) == "downloading   2% \(empty(9)) 1.2 MB of 40.0 MB  ETA 2m 36s")
        #expect(line(50) == "downloading   2% \(empty(11)) 1.2 MB of 40.0 MB")
        #expect(line(40) == "downloading   2% 1.2 MB of 40.0 MB")
        #expect(line(20) == "downloading   2%")
        #expect(line(10) == "downloa…")
    }

    @Test("the width is the terminal's, else COLUMNS, else 80")
    func widthSource() {
        #expect(TerminalWidth.resolve(terminalColumns: 132, environment: ["COLUMNS": "100"]) == 132)
        #expect(TerminalWidth.resolve(terminalColumns: nil, environment: ["COLUMNS": "100"]) == 100)
        #expect(TerminalWidth.resolve(terminalColumns: 0, environment: ["COLUMNS": "wide"]) == 80)
        #expect(TerminalWidth.resolve(terminalColumns: nil, environment: ["COLUMNS": "99999999"]) == 1_000)
        #expect(TerminalWidth.resolve(terminalColumns: nil, environment: [:]) == 80)
    }
}
