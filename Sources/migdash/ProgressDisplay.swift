import ArchiveModel
import Foundation
import GitHubMigrations
import Synchronization

/// Shows a download's progress: a bar redrawn in place on a terminal, plain lines at each tenth when piped.
final class ProgressDisplay: Sendable {
    private struct State {
        var started = ContinuousClock.now
        var baseline: Int64?
        var lastDraw: ContinuousClock.Instant?
        var lastTenth = -1
        var phase = ArchiveDownloadProgress.Phase.downloading
        var drewBar = false
        var finished = false
        var latest: ArchiveDownloadProgress?
    }

    private let interactive: Bool
    private let width: @Sendable () -> Int
    private let state = Mutex(State())

    /// A display for a terminal (`interactive`) or for a pipe or file; `width` is asked at each redraw.
    init(interactive: Bool, width: @escaping @Sendable () -> Int = { TerminalWidth.current() }) {
        self.interactive = interactive
        self.width = width
    }

    /// The last report taken, if any.
    var latest: ArchiveDownloadProgress? { state.withLock { $0.latest } }

    /// Takes one progress report; called from the download's threads.
    func update(_ report: ArchiveDownloadProgress) {
        let now = ContinuousClock.now
        // The lock is held while writing, so a late report cannot draw after `finish()` cleared the bar.
        state.withLock { state in
            state.latest = report
            guard !state.finished else { return }
            if state.phase != report.phase {
                state.phase = report.phase
                state.lastTenth = -1
                state.lastDraw = nil
            }
            if state.baseline == nil, report.phase == .downloading { state.baseline = report.bytes }
            if interactive {
                if let last = state.lastDraw, now - last < .milliseconds(100), report.bytes != report.total {
                    return
                }
                state.lastDraw = now
                state.drewBar = true
                Console.redraw(ProgressBar.line(report, rate: Self.rate(report, state, now), width: width()))
            } else {
                let tenth = report.total.map { Self.share(report.bytes, of: $0, in: 10) } ?? -1
                guard tenth != state.lastTenth else { return }
                state.lastTenth = tenth
                Console.line(Self.line(report))
            }
        }
    }

    /// Clears the bar, so the next line starts clean; later reports draw nothing.
    func finish() {
        state.withLock { state in
            state.finished = true
            if interactive, state.drewBar { Console.redraw("") }
        }
    }

    private static func rate(_ report: ArchiveDownloadProgress, _ state: State, _ now: ContinuousClock.Instant)
        -> Double
    {
        let elapsed = (now - state.started) / .seconds(1)
        guard report.phase == .downloading, elapsed > 0.2 else { return 0 }
        return max(0, Double(report.bytes) - Double(state.baseline ?? 0)) / elapsed
    }

    /// `downloading 40% (1.2 MB of 3.0 MB)`.
    static func line(_ report: ArchiveDownloadProgress) -> String {
        guard let total = report.total else { return "\(report.phase.rawValue) \(ByteCount.text(report.bytes))" }
        let percent = share(report.bytes, of: total, in: 100)
        return
            "\(report.phase.rawValue) \(percent)% (\(ByteCount.text(report.bytes)) of \(ByteCount.text(total)))"
    }

    /// `bytes` of `total` in `parts` parts (tenths, percent), 0...parts whatever the sizes: in floating
    /// point, so sizes near `Int64.max` cannot overflow a product.
    static func share(_ bytes: Int64, of total: Int64, in parts: Int) -> Int {
        let fraction = min(1, max(0, Double(bytes) / Double(max(total, 1))))
        return Int((fraction * Double(parts)).rounded(.down))
    }
}
