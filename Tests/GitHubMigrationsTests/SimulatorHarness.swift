import Foundation
import GitHubMigrations
import MigrationSimulator
import Synchronization

/// A clock the client reads and a sleep that advances it instead of waiting, so tests of
/// backoff and rate limits run in milliseconds and can assert every wait the client asked for.
final class VirtualClock: Sendable {
    private let state: Mutex<(now: Date, sleeps: [Double])>

    init(start: Date = Date()) {
        state = Mutex((start, []))
    }

    /// The client's current time.
    var now: Date { state.withLock { $0.now } }

    /// Every wait the client asked for, in order.
    var sleeps: [Double] { state.withLock { $0.sleeps } }

    /// Records the wait and moves time forward by it.
    func sleep(_ seconds: Double) {
        state.withLock {
            $0.sleeps.append(seconds)
            $0.now = $0.now.addingTimeInterval(seconds)
        }
    }
}

/// Runs a test body against a fresh simulator on loopback and a client pointed at it.
enum SimulatorHarness {
    static func run(
        options: SimulatorOptions = SimulatorOptions(), token: String = SimulatorOptions.defaultToken,
        pathPrefix: String = "", configure: (inout ClientConfiguration) -> Void = { _ in },
        _ body: (Simulator, GitHubClient, VirtualClock) async throws -> Void
    ) async throws {
        var options = options
        options.frozenClock = true
        let simulator = Simulator(options: options)
        let address = try await simulator.start()
        let clock = VirtualClock()
        var configuration = ClientConfiguration(baseURL: address.apiURL + pathPrefix, token: token)
        configuration.now = { clock.now }
        configuration.sleep = { clock.sleep($0) }
        configure(&configuration)
        let client = GitHubClient(configuration: configuration)
        do {
            try await body(simulator, client, clock)
        } catch {
            try? await client.shutdown()
            await simulator.stop()
            throw error
        }
        try await client.shutdown()
        await simulator.stop()
    }

    /// Options for a world with no pre-seeded migrations or imports.
    static var emptyWorld: SimulatorOptions {
        var options = SimulatorOptions()
        options.seedWorld = false
        return options
    }
}
