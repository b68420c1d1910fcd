import AsyncHTTPClient
import Foundation
import MigrationSimulator
import NIOCore
import Testing

@Suite("Storage faults and archive options")
struct StorageFaultTests {
    /// The storage URL of a fresh exported organization migration of `website`.
    private func archiveURL(_ sim: Harness) async throws -> String {
        let id = try await sim.startOrgMigration(["website"])
        sim.simulator.advance(seconds: 16)
        return try await sim.archiveURL("/orgs/octo-org/migrations/\(id)")
    }

    /// Bytes of the body that arrive before the connection fails, and whether it failed.
    private func bytesBeforeCut(_ sim: Harness, _ url: String) async throws -> (count: Int, failed: Bool) {
        let response = try await sim.client.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        var count = 0
        do {
            for try await block in response.body { count += block.readableBytes }
        } catch {
            return (count, true)
        }
        return (count, false)
    }

    @Test("dropMidBody on storage cuts the body after exactly afterBytes")
    func cutAtOffset() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let url = try await archiveURL(sim)
            for offset in [0, 1, 777, 20_000] {
                sim.simulator.inject(.dropMidBody(listener: .storage, afterBytes: offset))
                let cut = try await bytesBeforeCut(sim, url)
                #expect(cut == (offset, true), "cut at \(offset)")
            }
            let whole = try await bytesBeforeCut(sim, url)
            #expect(!whole.failed && whole.count > 20_000)
        }
    }

    @Test("ignoreRange answers 200 with the whole archive to a Range request, once")
    func ignoreRange() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let url = try await archiveURL(sim)
            let full = try await sim.send(.GET, url, token: nil)
            sim.simulator.inject(.ignoreRange())
            let ignored = try await sim.send(.GET, url, token: nil, headers: [("Range", "bytes=100-")])
            #expect(ignored.status == 200)
            #expect(ignored.body == full.body)
            let honoured = try await sim.send(.GET, url, token: nil, headers: [("Range", "bytes=100-")])
            #expect(honoured.status == 206)
        }
    }

    @Test("with one-use URLs a signed URL serves one GET; the next is refused as expired, a fresh one works")
    func oneUse() async throws {
        try await withSimulator(emptyWorld { $0.oneUseArchiveURLs = true }) { sim in
            let id = try await sim.startOrgMigration(["website"])
            sim.simulator.advance(seconds: 16)
            let path = "/orgs/octo-org/migrations/\(id)"
            let url = try await sim.archiveURL(path)
            #expect(try await sim.send(.HEAD, url, token: nil).status == 200)
            #expect(try await sim.send(.GET, url, token: nil).status == 200)
            let again = try await sim.send(.GET, url, token: nil)
            #expect(again.status == 403)
            #expect(again.text.contains("<Code>AccessDenied</Code>"))
            #expect(try await sim.send(.GET, try await sim.archiveURL(path), token: nil).status == 200)
        }
    }

    @Test("storage faults queue over HTTP with afterBytes, and ignoreRange too")
    func overHTTP() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let url = try await archiveURL(sim)
            let drop = #"{"kind":"dropMidBody","listener":"storage","afterBytes":1000}"#
            #expect(try await sim.send(.POST, "/_simulator/faults", json: drop, token: nil).status == 201)
            #expect(try await bytesBeforeCut(sim, url) == (1000, true))
            let ignore = #"{"kind":"ignoreRange"}"#
            #expect(try await sim.send(.POST, "/_simulator/faults", json: ignore, token: nil).status == 201)
            let reply = try await sim.send(.GET, url, token: nil, headers: [("Range", "bytes=10-")])
            #expect(reply.status == 200)
        }
    }

    @Test("largeArchiveBytes grows the seeded exported migration 240498's archive")
    func largeArchive() async throws {
        var options = SimulatorOptions()
        options.largeArchiveBytes = 12 << 20
        try await withSimulator(options) { sim in
            let url = try await sim.archiveURL("/orgs/octo-org/migrations/240498")
            let head = try await sim.send(.HEAD, url, token: nil)
            let length = try #require(head.header("content-length").flatMap { Int($0) })
            #expect(length > 12 << 20 && length < 13 << 20)
        }
    }
}

@Suite("Storage pacing")
struct StoragePacingTests {
    @Test("storageBytesPerSecond paces archive bytes: 300 KB at 1 MB/s take about three tenths of a second")
    func paced() async throws {
        var options = SimulatorOptions()
        options.storageBytesPerSecond = 1 << 20
        try await withSimulator(options) { sim in
            // The seeded exported 240498 has a 3 MB archive.
            let url = try await sim.archiveURL("/orgs/octo-org/migrations/240498")
            // HEAD first: it builds the archive, so the GET below times the pacing alone.
            #expect(try await sim.send(.HEAD, url, token: nil).status == 200)
            let clock = ContinuousClock()
            let start = clock.now
            let reply = try await sim.send(.GET, url, token: nil, headers: [("Range", "bytes=0-307199")])
            let elapsed = clock.now - start
            #expect(reply.status == 206 && reply.body.count == 307_200)
            #expect(elapsed >= .milliseconds(200), "took \(elapsed)")
        }
    }
}
