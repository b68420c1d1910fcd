import Foundation
import MigrationSimulator
import Testing

@Suite("Controls and recording")
struct ControlEndpointTests {
    @Test("POST /_simulator/advance moves the clock like advance(seconds:)")
    func advance() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let id = try await sim.startOrgMigration(["website"])
            let moved = try await sim.send(.POST, "/_simulator/advance", json: #"{"seconds": 16}"#, token: nil)
            #expect(moved.status == 200)
            let state = try await sim.get("/orgs/octo-org/migrations/\(id)").object()["state"] as? String
            #expect(state == "exported")
        }
    }

    @Test("requests are recorded in order with Authorization redacted, and can be cleared")
    func recording() async throws {
        try await withSimulator(emptyWorld()) { sim in
            _ = try await sim.get("/user?x=1")
            _ = try await sim.send(.GET, "/user/orgs", token: nil)
            let recorded = sim.simulator.requests
            #expect(recorded.map(\.path) == ["/user?x=1", "/user/orgs"])
            #expect(recorded.map(\.status) == [200, 401])
            #expect(recorded[0].header("Authorization") == "<redacted>")
            #expect(recorded[1].header("authorization") == nil)
            #expect(recorded.allSatisfy { $0.listener == .api && $0.method == "GET" })
            let listed = try await sim.send(.GET, "/_simulator/requests", token: nil).array()
            #expect(listed.count == 2)
            #expect((listed[0]["headers"] as? [String: String])?["authorization"] == "<redacted>")
            // Arrival times by the wall clock, in order, so a test can measure a client's spacing.
            let now = Date().timeIntervalSince1970
            let times = listed.compactMap { ($0["received_at"] as? NSNumber)?.doubleValue }
            #expect(times.count == 2 && times == times.sorted(), "times: \(times)")
            #expect(times.allSatisfy { abs($0 - now) < 60 }, "times: \(times), now: \(now)")
            // The same times as the JSON gives, to the microsecond it keeps.
            #expect(zip(recorded.map(\.receivedAt), times).allSatisfy { abs($0 - $1) < 1e-5 })
            sim.simulator.clearRequests()
            #expect(sim.simulator.requests.isEmpty)
        }
    }

    @Test("stop is idempotent and start after stop is not needed for a second simulator")
    func stopTwice() async throws {
        let simulator = Simulator(options: emptyWorld())
        let address = try await simulator.start()
        #expect(address.apiURL.hasPrefix("http://127.0.0.1:"))
        #expect(address.apiURL != address.storageURL)
        await simulator.stop()
        await simulator.stop()
    }
}
