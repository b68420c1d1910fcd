import Foundation
import GitHubMigrations
import MigrationSimulator
import Synchronization
import Testing

@Suite("Conditional requests, pagination, retries and rate limits over real HTTP")
struct TrafficRuleTests {
    @Test("an unchanged poll is a 304 served from the cache, and spends no rate limit")
    func conditionalRequests() async throws {
        try await SimulatorHarness.run { _, client, _ in
            let first = try await client.listMigrations(.user)
            let before = try #require(await client.currentRateLimit())
            let second = try await client.listMigrations(.user)
            let after = try #require(await client.currentRateLimit())
            #expect(first == second)
            let stats = await client.statistics()
            #expect(stats.notModified == 1)
            #expect(after.remaining == before.remaining)
        }
    }

    @Test("pagination follows Link headers across every page")
    func pagination() async throws {
        var options = SimulatorHarness.emptyWorld
        options.historicalMigrations = 250
        try await SimulatorHarness.run(options: options) { simulator, client, _ in
            simulator.clearRequests()
            let all = try await client.listMigrations(.organization("octo-org"), perPage: 100)
            #expect(all.count == 250)
            #expect(Set(all.map(\.id)).count == 250)
            let pages = simulator.requests.filter { $0.path.contains("/orgs/octo-org/migrations") }
            #expect(pages.count == 3)
            #expect(pages.dropFirst().allSatisfy { $0.path.contains("page=") })
        }
    }

    @Test("a POST that met a 502 is not sent again: a second POST would start a second migration")
    func postNotRetried() async throws {
        try await SimulatorHarness.run(options: SimulatorHarness.emptyWorld) { simulator, client, _ in
            simulator.inject(.status(502, method: "POST", path: "/migrations"))
            simulator.clearRequests()
            let error = await #expect(throws: GitHubError.self) {
                try await client.startMigration(.user, StartMigrationRequest(repositories: ["Hello-World"]))
            }
            #expect(error?.kind == .serverError)
            #expect(simulator.requests.filter { $0.method == "POST" }.count == 1)
            let migrations = try await client.listMigrations(.user)
            #expect(migrations.isEmpty)
        }
    }

    @Test("a GET retries 502 and 503 with growing, jittered backoff, then succeeds")
    func getRetried() async throws {
        try await SimulatorHarness.run { simulator, client, clock in
            simulator.inject(.status(502, method: "GET", path: "/user/migrations"))
            simulator.inject(.status(503, method: "GET", path: "/user/migrations"))
            _ = try await client.listMigrations(.user)
            #expect(clock.sleeps.count == 2)
            #expect((0.5...1.0).contains(clock.sleeps[0]))
            #expect((1.0...2.0).contains(clock.sleeps[1]))
            #expect(await client.statistics().retries == 2)
        }
    }

    @Test("retries are bounded: a GET that keeps failing gives up with a server error")
    func boundedRetries() async throws {
        try await SimulatorHarness.run { simulator, client, clock in
            simulator.inject(.status(503, method: "GET", path: "/user/migrations", count: 10))
            let error = await #expect(throws: GitHubError.self) { try await client.listMigrations(.user) }
            #expect(error?.kind == .serverError)
            #expect(clock.sleeps.count == 3)
        }
    }

    @Test("a secondary limit waits for Retry-After, then the call goes through")
    func secondaryWithRetryAfter() async throws {
        try await SimulatorHarness.run { simulator, client, clock in
            simulator.inject(.secondaryRateLimit(retryAfter: 7))
            _ = try await client.authenticatedUser()
            #expect(clock.sleeps == [7])
        }
    }

    @Test("a secondary-limit wait is announced with its end, so a dashboard can say why nothing moves")
    func secondaryAnnounced() async throws {
        let announced = Mutex<[Date]>([])
        // The client's own (virtual) time: a real clock read before the harness starts drifts from it by
        // however long the simulator takes to start on a busy machine.
        let start = Mutex<Date?>(nil)
        try await SimulatorHarness.run(configure: { configuration in
            configuration.onPause = { until in announced.withLock { $0.append(until) } }
        }) { simulator, client, clock in
            simulator.inject(.secondaryRateLimit(retryAfter: 40))
            start.withLock { $0 = clock.now }
            _ = try await client.authenticatedUser()
            #expect(clock.sleeps == [40])
        }
        let ends = announced.withLock { $0 }
        let begun = try #require(start.withLock { $0 })
        #expect(ends.count == 1)
        #expect(ends.first.map { abs($0.timeIntervalSince(begun) - 40) < 0.01 } == true, "\(ends)")
    }

    @Test("a secondary limit without Retry-After waits at least a minute, doubling")
    func secondaryFallback() async throws {
        try await SimulatorHarness.run { simulator, client, clock in
            simulator.inject(.secondaryRateLimit(retryAfter: nil, status: 429, count: 2))
            _ = try await client.authenticatedUser()
            #expect(clock.sleeps == [60, 120])
        }
    }

    @Test("with the primary limit spent no request is sent until the reset")
    func primaryLimit() async throws {
        try await SimulatorHarness.run { simulator, client, _ in
            simulator.inject(.primaryRateLimit())
            let first = await #expect(throws: GitHubError.self) { try await client.authenticatedUser() }
            #expect(first?.kind == .rateLimited)
            #expect(first?.retryAt != nil)
            simulator.clearRequests()
            let second = await #expect(throws: GitHubError.self) { try await client.listMigrations(.user) }
            #expect(second?.kind == .rateLimited)
            #expect(simulator.requests.isEmpty)
        }
    }

    @Test("writes are spaced at least a second apart")
    func writeSpacing() async throws {
        try await SimulatorHarness.run(options: SimulatorHarness.emptyWorld) { _, client, clock in
            _ = try await client.startMigration(.user, StartMigrationRequest(repositories: ["Hello-World"]))
            _ = try await client.startMigration(.user, StartMigrationRequest(repositories: ["dotfiles"]))
            let waits = clock.sleeps
            #expect(waits.count == 1)
            #expect((0.9...1.0).contains(waits.first ?? 0))
        }
    }

    @Test("a connection dropped mid-body is retried for a GET")
    func droppedConnection() async throws {
        try await SimulatorHarness.run { simulator, client, _ in
            simulator.inject(.dropMidBody(method: "GET", path: "/user/migrations"))
            let migrations = try await client.listMigrations(.user)
            #expect(!migrations.isEmpty)
            #expect(await client.statistics().retries == 1)
        }
    }

    @Test("a stalled response times out with a timeout error")
    func stalled() async throws {
        try await SimulatorHarness.run(configure: {
            $0.requestTimeout = .seconds(1); $0.maxRetries = 0
        }) {
            simulator, client, _ in
            simulator.inject(.stall(seconds: 3, path: "/user"))
            let error = await #expect(throws: GitHubError.self) { try await client.authenticatedUser() }
            #expect(error?.kind == .timeout)
        }
    }

    @Test("an API that is not there is offline at once, with a plain message")
    func offline() async throws {
        var configuration = ClientConfiguration(baseURL: "http://127.0.0.1:1", token: "t")
        configuration.maxRetries = 0
        // A long connect timeout: a pool quietly retrying the refused connection would take all of it.
        configuration.connectTimeout = .seconds(60)
        let client = GitHubClient(configuration: configuration)
        let started = ContinuousClock.now
        let error = await #expect(throws: GitHubError.self) { try await client.authenticatedUser() }
        let elapsed = ContinuousClock.now - started
        try await client.shutdown()
        #expect(error?.kind == .offline)
        #expect(error?.message == "connection to 127.0.0.1:1 refused")
        // A refused connection is one failed attempt, not a pool quietly retrying it until the connect
        // timeout (which made a dead API take 45 s to report with the retries on top). The bound is below the
        // 60 s connect timeout: a machine at load average 10 has taken 32 s to report the one attempt.
        #expect(elapsed < .seconds(50), "took \(elapsed)")
    }
}
