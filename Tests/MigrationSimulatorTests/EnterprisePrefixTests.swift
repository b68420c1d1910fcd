import MigrationSimulator
import Testing

@Suite("Enterprise Server prefix")
struct EnterprisePrefixTests {
    @Test("the API answers under /api/v3 and every URL it returns carries the prefix")
    func prefix() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let api = sim.address.apiURL + "/api/v3"
            #expect(try await sim.get("/api/v3/user").object()["url"] as? String == "\(api)/users/octocat")
            let reply = try await sim.send(.POST, "/api/v3/user/migrations", json: #"{"repositories":["dotfiles"]}"#)
            #expect(reply.status == 201)
            let id = try #require(try reply.object()["id"] as? Int)
            #expect(reply.header("location") == "\(api)/user/migrations/\(id)")
            #expect(try reply.object()["url"] as? String == "\(api)/user/migrations/\(id)")
            let repository = try #require((try reply.object()["repositories"] as? [[String: Any]])?.first)
            #expect(repository["url"] as? String == "\(api)/repos/octocat/dotfiles")
            #expect(repository["html_url"] as? String == "\(sim.address.apiURL)/octocat/dotfiles")
            sim.simulator.advance(seconds: 16)
            let migration = try await sim.get("/api/v3/user/migrations/\(id)").object()
            #expect(migration["archive_url"] as? String == "\(api)/user/migrations/\(id)/archive")
            let url = try await sim.archiveURL("/api/v3/user/migrations/\(id)")
            #expect(try await sim.send(.GET, url, token: nil).status == 200)
        }
    }

    @Test("pagination links keep the /api/v3 prefix")
    func links() async throws {
        try await withSimulator(emptyWorld { $0.historicalMigrations = 3 }) { sim in
            let reply = try await sim.get("/api/v3/orgs/octo-org/migrations?per_page=1")
            #expect(reply.header("link")?.hasPrefix("<\(sim.address.apiURL)/api/v3/orgs/octo-org/migrations?") == true)
        }
    }
}
