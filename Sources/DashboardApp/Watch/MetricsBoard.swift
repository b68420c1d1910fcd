import DashboardCore
import Foundation
import GitHubMigrations
import Synchronization

/// Hands metrics from the watch's loop to the metrics server's scrapes. A scrape asks for a reading and
/// wakes the loop, which reads the state into metric families at its next turn and posts them here; so the
/// state is read only when someone scrapes (not every turn), the reading is never older than the scrape,
/// and the loop's state is never shared with another thread.
final class MetricsBoard: Sendable {
    private struct Board {
        var families: [MetricFamily] = []
        var readings = 0
        var wanted = false
    }

    private let board = Mutex(Board())
    private let client: GitHubClient
    private let wake: @Sendable () -> Void

    /// How long a scrape waits for the loop before it takes the latest reading there is.
    static let patience: Duration = .seconds(2)

    /// A board whose scrapes also read `client`'s request counters and wake the loop with `wake`.
    init(client: GitHubClient, wake: @escaping @Sendable () -> Void) {
        self.client = client
        self.wake = wake
    }

    /// True when a scrape waits for a reading: the loop reads the state and posts it.
    var wanted: Bool { board.withLock { $0.wanted } }

    /// A reading of the state, for the scrapes waiting and the next ones.
    func post(_ families: [MetricFamily]) {
        board.withLock {
            $0.families = families
            $0.readings &+= 1
            $0.wanted = false
        }
    }

    /// One scrape's body: a reading of the state taken after this call, and the client's counters now.
    func scrape() async -> [UInt8] {
        let before = board.withLock { board in
            board.wanted = true
            return board.readings
        }
        wake()
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Self.patience)
        while board.withLock({ $0.readings == before }), clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        let requests = await client.statistics()
        return PrometheusText.render(board.withLock { $0.families } + WatchMetrics.requestFamilies(requests))
    }
}
