import Foundation
import GitHubMigrations
import Synchronization
import TestSupport
import Testing

@Suite("Numbers and waits from a hostile server never crash or freeze the client")
struct HostileNumberTests {
    /// Runs `body` with a client of a hostile server playing `scenario`, on a virtual clock.
    static func run(
        _ scenario: String, configure: (inout ClientConfiguration) -> Void = { _ in },
        _ body: (HostileServer, GitHubClient, VirtualClock) async throws -> Void
    ) async throws {
        let server = try await HostileServer(scenario: scenario)
        defer { server.stop() }
        let clock = VirtualClock()
        var configuration = ClientConfiguration(baseURL: server.apiURL, token: "t0ken")
        configuration.now = { clock.now }
        configuration.sleep = { clock.sleep($0) }
        configure(&configuration)
        let client = GitHubClient(configuration: configuration)
        do {
            try await body(server, client, clock)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// Requests the server logged for `path` (with or without a query).
    static func count(_ path: String, in server: HostileServer) async throws -> Int {
        try await server.requests().filter { $0.path == path || $0.path.hasPrefix(path + "?") }.count
    }

    @Test("a Retry-After of a billion seconds is waited at most 15 minutes, and every wait is announced")
    func hugeRetryAfter() async throws {
        let announced = Mutex<[Date]>([])
        try await Self.run(
            "huge-retry-after", configure: { $0.onPause = { until in announced.withLock { $0.append(until) } } }
        ) { _, client, clock in
            let start = clock.now
            let error = await #expect(throws: GitHubError.self) { try await client.listMigrations(.user) }
            #expect(error?.kind == .secondaryRateLimited)
            #expect(clock.sleeps == [900, 900, 900])
            #expect(error?.retryAt.map { abs($0.timeIntervalSince(clock.now) - 900) < 0.01 } == true)
            let ends = announced.withLock { $0 }.map { ($0.timeIntervalSince(start) * 100).rounded() / 100 }
            #expect(ends == [900, 1800, 2700])
        }
    }

    @Test("a Retry-After too large for any clock is capped like any other, never multiplied into a trap")
    func enormousRetryAfter() async throws {
        try await Self.run("enormous-retry-after") { _, client, clock in
            let error = await #expect(throws: GitHubError.self) { try await client.listMigrations(.user) }
            #expect(error?.kind == .secondaryRateLimited)
            #expect(clock.sleeps == [900, 900, 900])
        }
    }

    @Test("the default sleep takes any number of seconds without trapping, and ends when cancelled")
    func defaultSleep() async throws {
        let sleep = ClientConfiguration(token: "t").sleep
        for seconds in [9e18, .greatestFiniteMagnitude, .infinity, .nan, -1e300] {
            let waiting = Task { try await sleep(seconds) }
            try await Task.sleep(for: .milliseconds(20))
            waiting.cancel()
            let outcome = await waiting.result
            if case .success = outcome, seconds > 0 {
                Issue.record("a wait of \(seconds) s ended by itself at once")
            }
        }
    }

    @Test("cancelWaits ends a secondary-limit wait at once: the request goes out again")
    func cancelWaits() async throws {
        let server = try await HostileServer(scenario: "huge-retry-after")
        defer { server.stop() }
        let paused = Mutex(0)
        var configuration = ClientConfiguration(baseURL: server.apiURL, token: "t0ken")
        configuration.onPause = { _ in paused.withLock { $0 += 1 } }
        let client = GitHubClient(configuration: configuration)
        let listing = Task { try await client.listMigrations(.user) }
        // Deadlines for a loaded machine (a Python server and a first connection); none is a measurement.
        try await Polling.until("the first 429 and its pause", timeout: .seconds(60)) { paused.withLock { $0 } == 1 }
        let logged = try await Self.count("/user/migrations", in: server)
        #expect(logged == 1)
        await client.cancelWaits()
        try await Polling.until("the request sent again", timeout: .seconds(60)) {
            try await Self.count("/user/migrations", in: server) == 2
        }
        try await Polling.until("the second pause", timeout: .seconds(60)) { paused.withLock { $0 } == 2 }
        listing.cancel()
        _ = await listing.result
        try await client.shutdown()
    }

    @Test(
        "an x-ratelimit-reset beyond any calendar, or beyond any integer, stops requests for an hour at most",
        arguments: ["max-ratelimit-reset", "huge-ratelimit-reset"])
    func hugeRateLimitReset(scenario: String) async throws {
        try await Self.run(scenario) { server, client, clock in
            let error = await #expect(throws: GitHubError.self) { try await client.listMigrations(.user) }
            #expect(error?.kind == .rateLimited)
            let wait = try #require(error?.retryAt).timeIntervalSince(clock.now)
            #expect(wait > 0 && wait <= 3600, "waits \(wait) s")
            // Still blocked without a request, then free once the hour has passed.
            await #expect(throws: GitHubError.self) { try await client.listMigrations(.user) }
            let whileBlocked = try await Self.count("/user/migrations", in: server)
            #expect(whileBlocked == 1)
            clock.sleep(3601)
            await #expect(throws: GitHubError.self) { try await client.listMigrations(.user) }
            let afterReset = try await Self.count("/user/migrations", in: server)
            #expect(afterReset == 2)
        }
    }

    @Test("rate-limit headers with a huge limit and a negative remaining are ignored, not subtracted")
    func negativeRemaining() async throws {
        try await Self.run("negative-remaining") { _, client, _ in
            let migrations = try await client.listMigrations(.user)
            #expect(migrations.isEmpty)
            #expect(await client.currentRateLimit() == nil)
        }
    }

    @Test("a /rate_limit body with absurd numbers is a malformed response")
    func absurdRateLimitBody() async throws {
        try await Self.run("absurd-rate-limit-body") { _, client, _ in
            let error = await #expect(throws: GitHubError.self) { try await client.rateLimit() }
            #expect(error?.kind == .malformedResponse)
        }
    }

    @Test("a body trickled a byte every two seconds times out: the deadline covers the whole exchange")
    func trickledBody() async throws {
        try await Self.run(
            "slow-body",
            configure: {
                $0.requestTimeout = .seconds(2)
                $0.maxRetries = 0
            }
        ) { _, client, _ in
            let started = ContinuousClock.now
            let error = await #expect(throws: GitHubError.self) {
                try await finishing(within: .seconds(60)) { try await client.listMigrations(.user) }
            }
            #expect(error?.kind == .timeout)
            // 84 s before the deadline covered the body, about 2 s after; the bound is half the former, as a
            // machine at load average 10 took 24 s.
            #expect(ContinuousClock.now - started < .seconds(42))
        }
    }

    @Test("Link headers that never end stop after 1,000 pages with one clear error")
    func endlessPages() async throws {
        try await Self.run("endless-pages") { server, client, _ in
            let error = await #expect(throws: GitHubError.self) {
                try await finishing(within: .seconds(60)) { try await client.listMigrations(.user) }
            }
            #expect(error?.kind == .malformedResponse)
            #expect(error?.message == "pagination did not end after 1000 pages")
            let logged = try await Self.count("/user/migrations", in: server)
            #expect(logged == 1000)
        }
    }

    @Test("a list that keeps growing stops at the item cap")
    func endlessItems() async throws {
        try await Self.run("endless-migrations", configure: { $0.maxListItems = 7 }) { server, client, _ in
            let error = await #expect(throws: GitHubError.self) {
                try await finishing(within: .seconds(60)) { try await client.listMigrations(.user) }
            }
            #expect(error?.kind == .malformedResponse)
            #expect(error?.message == "the list had more than 7 items")
            let logged = try await Self.count("/user/migrations", in: server)
            #expect(logged == 3)
        }
    }
}

/// A test body that did not finish in time.
struct TookTooLong: Error, CustomStringConvertible {
    let limit: Duration
    var description: String { "did not finish within \(limit)" }
}

/// Runs `body`, cancelling it and throwing `TookTooLong` after `limit`: a defect that loops for ever
/// fails its test instead of hanging the suite.
func finishing<T: Sendable>(within limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws
    -> T
{
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw TookTooLong(limit: limit) }
        return value
    }
}
