import AsyncHTTPClient
import Foundation
import MigrationSimulator
import Testing

@Suite("Archive download")
struct ArchiveDownloadTests {
    /// An exported organization migration of `website`, and its API path.
    private func exported(_ sim: Harness, lock: Bool = false) async throws -> String {
        let id = try await sim.startOrgMigration(["website"], extra: lock ? #","lock_repositories":true"# : "")
        sim.simulator.advance(seconds: 16)
        return "/orgs/octo-org/migrations/\(id)"
    }

    @Test("the archive answers 302 with the storage URL as Location and as the whole body")
    func redirect() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let path = try await exported(sim)
            let reply = try await sim.get(path + "/archive")
            #expect(reply.status == 302)
            let location = try #require(reply.header("location"))
            #expect(reply.text == location)
            #expect(reply.header("content-type") == "text/html;charset=utf-8")
            #expect(reply.header("x-ratelimit-remaining") != nil)
            #expect(location.hasPrefix(sim.address.storageURL + "/migration/"))
            #expect(location.contains("X-Amz-Expires=300") && location.contains("X-Amz-Signature="))
            #expect(!location.hasPrefix(sim.address.apiURL))
        }
    }

    @Test("an archive that is not exported yet answers 404")
    func notYet() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let id = try await sim.startOrgMigration(["website"])
            let reply = try await sim.get("/orgs/octo-org/migrations/\(id)/archive")
            #expect(reply.status == 404)
            #expect(try reply.object()["message"] as? String == "Not Found")
        }
    }

    @Test("storage serves a gzip of a tar holding schema.json, and refuses a request with Authorization")
    func download() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let url = try await sim.archiveURL(try await exported(sim))
            let refused = try await sim.send(.GET, url)
            #expect(refused.status == 400)
            #expect(refused.text.contains("<Code>InvalidArgument</Code>"))
            let reply = try await sim.send(.GET, url, token: nil)
            #expect(reply.status == 200)
            #expect(reply.header("content-type") == "application/x-gzip")
            #expect(reply.header("accept-ranges") == "bytes")
            #expect(reply.header("content-length") == String(reply.body.count))
            let etag = try #require(reply.header("etag"))
            #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
            let entries = try ArchiveReader.untar(try ArchiveReader.gunzip(reply.body))
            #expect(entries.first?.name == "schema.json")
            #expect(entries.first.map { String(decoding: $0.contents, as: UTF8.self) } == #"{"version":"1.0.1"}"#)
            let names = Set(entries.map(\.name))
            for expected in [
                "organizations_000001.json", "repositories_000001.json", "users_000001.json", "issues_000001.json",
                "pull_requests_000001.json", "releases_000001.json", "attachments_000001.json",
                "repositories/octo-org/website.git/HEAD", "repositories/octo-org/website.git/packed-refs",
            ] {
                #expect(names.contains(expected), "missing \(expected)")
            }
            #expect(names.contains { $0.hasPrefix("repositories/octo-org/website.git/objects/pack/pack-") })
            let recorded = sim.simulator.requests.filter { $0.listener == .storage }
            #expect(recorded.map(\.status) == [400, 200])
            #expect(recorded[0].header("authorization") == "<redacted>")
            #expect(recorded[1].header("authorization") == nil)
        }
    }

    @Test("storage honours Range with 206 and answers 416 past the end")
    func ranges() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let url = try await sim.archiveURL(try await exported(sim))
            let full = try await sim.send(.GET, url, token: nil)
            let total = full.body.count
            let tail = try await sim.send(.GET, url, token: nil, headers: [("Range", "bytes=100-")])
            #expect(tail.status == 206)
            #expect(tail.header("content-range") == "bytes 100-\(total - 1)/\(total)")
            #expect(tail.body == Array(full.body[100...]))
            let middle = try await sim.send(.GET, url, token: nil, headers: [("Range", "bytes=10-19")])
            #expect(middle.status == 206)
            #expect(middle.body == Array(full.body[10...19]))
            #expect(middle.header("content-range") == "bytes 10-19/\(total)")
            let beyond = try await sim.send(.GET, url, token: nil, headers: [("Range", "bytes=\(total)-")])
            #expect(beyond.status == 416)
            #expect(beyond.header("content-range") == "bytes */\(total)")
        }
    }

    @Test("a storage URL expires with the simulator clock, and a tampered one is refused")
    func expiry() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let path = try await exported(sim)
            let url = try await sim.archiveURL(path)
            let tampered = url.replacingOccurrences(of: "X-Amz-Expires=300", with: "X-Amz-Expires=9000")
            #expect(try await sim.send(.GET, tampered, token: nil).status == 403)
            sim.simulator.advance(seconds: 301)
            let expired = try await sim.send(.GET, url, token: nil)
            #expect(expired.status == 403)
            #expect(
                expired.text.contains("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"))
            let fresh = try await sim.archiveURL(path)
            #expect(try await sim.send(.GET, fresh, token: nil).status == 200)
        }
    }

    @Test("after DELETE the archive is 404 at the API and at storage, while the migration stays readable")
    func deleteArchive() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let path = try await exported(sim)
            let url = try await sim.archiveURL(path)
            let deleted = try await sim.send(.DELETE, path + "/archive")
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            #expect(try await sim.get(path + "/archive").status == 404)
            #expect(try await sim.send(.GET, url, token: nil).status == 404)
            #expect(try await sim.get(path).status == 200)
            #expect(try await sim.send(.DELETE, path + "/archive").status == 404)
        }
    }

    @Test("unlocking a locked repository answers 204, then 404 once it is unlocked")
    func unlock() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let path = try await exported(sim, lock: true)
            #expect(try await sim.send(.DELETE, path + "/repos/website/lock").status == 204)
            #expect(try await sim.send(.DELETE, path + "/repos/website/lock").status == 404)
            #expect(try await sim.send(.DELETE, path + "/repos/octo-repo/lock").status == 404)
            #expect(try await sim.send(.DELETE, "/orgs/octo-org/migrations/1/repos/website/lock").status == 404)
        }
    }

    @Test("archives are the same bytes for the same migration in two simulators")
    func deterministic() async throws {
        var downloads: [[UInt8]] = []
        for _ in 0..<2 {
            try await withSimulator(emptyWorld()) { sim in
                let url = try await sim.archiveURL(try await exported(sim))
                downloads.append(try await sim.send(.GET, url, token: nil).body)
            }
        }
        #expect(downloads[0] == downloads[1])
        #expect(downloads[0].count > 10_000 && downloads[0].count < 200_000)
    }
}
