import MigrationSimulator
import Testing

@Suite("Conditional requests and the rate limit")
struct ConditionalRequestTests {
    @Test("If-None-Match with the ETag gets 304 with no body, and the 304 spends no budget")
    func notModified() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let first = try await sim.get("/user/migrations")
            let etag = try #require(first.header("etag"))
            let remaining = try #require(first.header("x-ratelimit-remaining").flatMap { Int($0) })
            let second = try await sim.get("/user/migrations", headers: [("If-None-Match", etag)])
            #expect(second.status == 304)
            #expect(second.body.isEmpty)
            #expect(second.header("x-ratelimit-remaining") == String(remaining))
            let third = try await sim.get("/user/migrations")
            #expect(third.header("x-ratelimit-remaining") == String(remaining - 1))
            let stale = try await sim.get("/user/migrations", headers: [("If-None-Match", "W/\"other\"")])
            #expect(stale.status == 200)
        }
    }

    @Test("GET /rate_limit reports the budget without spending it")
    func rateLimitEndpoint() async throws {
        try await withSimulator(emptyWorld()) { sim in
            _ = try await sim.get("/user")
            let report = try await sim.get("/rate_limit")
            let core = try #require((try report.object()["resources"] as? [String: Any])?["core"] as? [String: Any])
            #expect(core["limit"] as? Int == 5000)
            #expect(core["used"] as? Int == 1)
            #expect(core["remaining"] as? Int == 4999)
            let rate = try #require(try report.object()["rate"] as? [String: Any])
            #expect(rate["remaining"] as? Int == 4999)
            #expect(try await sim.get("/rate_limit").header("x-ratelimit-remaining") == "4999")
        }
    }

    @Test("an exhausted budget answers 403 with remaining 0 until the hour is over")
    func exhausted() async throws {
        try await withSimulator(emptyWorld { $0.rateLimit = 2 }) { sim in
            #expect(try await sim.get("/user").status == 200)
            #expect(try await sim.get("/user").header("x-ratelimit-remaining") == "0")
            let refused = try await sim.get("/user")
            #expect(refused.status == 403)
            #expect(refused.header("x-ratelimit-remaining") == "0")
            #expect(
                (try refused.object()["message"] as? String)?.hasPrefix("API rate limit exceeded for user ID 1.")
                    == true)
            #expect(try await sim.get("/rate_limit").status == 200)
            sim.simulator.advance(seconds: 3_601)
            #expect(try await sim.get("/user").status == 200)
        }
    }
}
