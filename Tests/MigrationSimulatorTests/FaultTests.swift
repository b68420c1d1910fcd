import Foundation
import MigrationSimulator
import Synchronization
import Testing

@Suite("Faults")
struct FaultTests {
    @Test("a status fault answers with a GitHub error body for as many matching requests as its count")
    func statusFault() async throws {
        try await withSimulator(emptyWorld()) { sim in
            sim.simulator.inject(.status(503, method: "GET", path: "/user/orgs", count: 2))
            #expect(try await sim.get("/user").status == 200)
            let first = try await sim.get("/user/orgs")
            #expect(first.status == 503)
            #expect(try first.object()["message"] as? String == "Service Unavailable")
            #expect(first.header("x-github-request-id") != nil)
            #expect(try await sim.get("/user/orgs").status == 503)
            #expect(try await sim.get("/user/orgs").status == 200)
        }
    }

    @Test("a primary rate-limit fault answers 403 with remaining 0 and a reset in the future")
    func primary() async throws {
        // The test simulator's clock is frozen at its start: its reset is in the future of that moment, not
        // of the wall clock after a slow run (a loaded machine took over a minute to get here).
        let before = Int(Date().timeIntervalSince1970)
        try await withSimulator(emptyWorld()) { sim in
            sim.simulator.inject(.primaryRateLimit())
            let reply = try await sim.get("/user")
            #expect(reply.status == 403)
            #expect(reply.header("x-ratelimit-remaining") == "0")
            let reset = try #require(reply.header("x-ratelimit-reset").flatMap { Int($0) })
            #expect(reset > before)
            #expect(
                (try reply.object()["message"] as? String)?.hasPrefix("API rate limit exceeded for user ID 1.") == true)
            #expect(try await sim.get("/user").status == 200)
        }
    }

    @Test("a secondary rate-limit fault carries Retry-After and the secondary documentation URL")
    func secondary() async throws {
        try await withSimulator(emptyWorld()) { sim in
            sim.simulator.inject(.secondaryRateLimit(retryAfter: 7))
            sim.simulator.inject(.secondaryRateLimit(retryAfter: nil, status: 429))
            let first = try await sim.get("/user")
            #expect(first.status == 403)
            #expect(first.header("retry-after") == "7")
            let body = try first.object()
            #expect((body["message"] as? String)?.hasPrefix("You have exceeded a secondary rate limit.") == true)
            #expect((body["documentation_url"] as? String)?.hasSuffix("secondary-rate-limits") == true)
            #expect(first.header("x-ratelimit-remaining") != "0")
            let second = try await sim.get("/user")
            #expect(second.status == 429)
            #expect(second.header("retry-after") == nil)
        }
    }

    @Test("a stall delays only the request it hits")
    func stall() async throws {
        try await withSimulator(emptyWorld()) { sim in
            sim.simulator.inject(.stall(seconds: 3, path: "/user/orgs"))
            let clock = ContinuousClock()
            let start = clock.now
            let stalledDone = Mutex(false)
            async let stalled = {
                let response = try await sim.get("/user/orgs")
                stalledDone.withLock { $0 = true }
                return response
            }()
            try await Task.sleep(for: .milliseconds(50))
            let quick = try await sim.get("/user")
            #expect(quick.status == 200)
            // Order, not a time bound: on a loaded machine any bound is noise.
            #expect(stalledDone.withLock { $0 } == false, "the quick answer waited for the stalled one")
            #expect(try await stalled.status == 200)
            #expect(clock.now - start >= .seconds(3))
        }
    }

    @Test("dropping mid-body makes the client fail instead of seeing a short success")
    func dropMidBody() async throws {
        try await withSimulator(emptyWorld()) { sim in
            sim.simulator.inject(.dropMidBody(path: "/user/repos"))
            await #expect(throws: (any Error).self) { try await sim.get("/user/repos") }
            let retried = try await sim.get("/user/repos")
            #expect(retried.status == 200)
        }
    }

    @Test("dropping mid-body works on the storage listener too")
    func dropStorage() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let id = try await sim.startOrgMigration(["website"])
            sim.simulator.advance(seconds: 16)
            let url = try await sim.archiveURL("/orgs/octo-org/migrations/\(id)")
            sim.simulator.inject(.dropMidBody(listener: .storage))
            await #expect(throws: (any Error).self) { try await sim.send(.GET, url, token: nil) }
            #expect(try await sim.send(.GET, url, token: nil).status == 200)
        }
    }

    @Test("faults can be queued over HTTP, matched by method and path")
    func overHTTP() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let queued = try await sim.send(
                .POST, "/_simulator/faults",
                json: #"{"kind":"status","status":502,"method":"POST","path":"/orgs","count":1}"#,
                token: nil)
            #expect(queued.status == 201)
            #expect(try await sim.get("/orgs/octo-org/migrations").status == 200)
            let hit = try await sim.send(.POST, "/orgs/octo-org/migrations", json: #"{"repositories":["website"]}"#)
            #expect(hit.status == 502)
            let next = try await sim.send(.POST, "/orgs/octo-org/migrations", json: #"{"repositories":["website"]}"#)
            #expect(next.status == 201)
            let bad = try await sim.send(.POST, "/_simulator/faults", json: #"{"kind":"nonsense"}"#, token: nil)
            #expect(bad.status == 400)
        }
    }
}
