import DashboardCore
import GitHubMigrations
import Synchronization

/// The latest metrics read off the state, handed from the watch's loop to the metrics server's scrapes.
/// The loop posts a reading at most every `interval` seconds, so a scrape never waits for the loop and
/// the loop never copies a large state for every turn.
final class MetricsBoard: Sendable {
    /// Seconds between two readings of the state.
    static let interval = 2.0

    private let latest = Mutex<[MetricFamily]>([])
    private let client: GitHubClient

    /// A board whose scrapes also read `client`'s request counters.
    init(client: GitHubClient) {
        self.client = client
    }

    /// Replaces the reading of the state.
    func post(_ families: [MetricFamily]) {
        latest.withLock { $0 = families }
    }

    /// One scrape's body: the latest reading of the state and the client's counters now.
    func scrape() async -> [UInt8] {
        let requests = await client.statistics()
        return PrometheusText.render(latest.withLock { $0 } + WatchMetrics.requestFamilies(requests))
    }
}
