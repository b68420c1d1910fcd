import MigrationSimulator
import Testing

@Suite("Pagination")
struct PaginationTests {
    @Test("per_page=2 across historical migrations gives next/last, then prev/first, with other params kept")
    func links() async throws {
        try await withSimulator(emptyWorld { $0.historicalMigrations = 5 }) { sim in
            let base = "\(sim.address.apiURL)/orgs/octo-org/migrations"
            let first = try await sim.get("/orgs/octo-org/migrations?per_page=2&exclude=repositories")
            #expect(try first.array().count == 2)
            #expect(
                first.header("link")
                    == "<\(base)?per_page=2&exclude=repositories&page=2>; rel=\"next\", "
                    + "<\(base)?per_page=2&exclude=repositories&page=3>; rel=\"last\"")
            let last = try await sim.get("/orgs/octo-org/migrations?per_page=2&page=3")
            #expect(try last.array().count == 1)
            #expect(
                last.header("link")
                    == "<\(base)?per_page=2&page=2>; rel=\"prev\", <\(base)?per_page=2&page=1>; rel=\"first\"")
            let all = try await sim.get("/orgs/octo-org/migrations").array()
            #expect(all.count == 5)
            #expect(try await sim.get("/orgs/octo-org/migrations").header("link") == nil)
            let states = Set(all.compactMap { $0["state"] as? String })
            #expect(states.isSubset(of: ["exported", "failed"]) && states.contains("exported"))
        }
    }

    @Test("per_page is capped at 100")
    func cap() async throws {
        try await withSimulator(emptyWorld { $0.historicalMigrations = 120 }) { sim in
            let page = try await sim.get("/orgs/octo-org/migrations?per_page=500")
            #expect(try page.array().count == 100)
            #expect(page.header("link")?.contains("per_page=500&page=2>; rel=\"next\"") == true)
        }
    }

    @Test("migration repositories are paginated too")
    func repositories() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let id = try await sim.startOrgMigration(["website", "octo-repo", "api-server"])
            let reply = try await sim.get("/orgs/octo-org/migrations/\(id)/repositories?per_page=2")
            #expect(try reply.array().count == 2)
            #expect(reply.header("link")?.contains("rel=\"next\"") == true)
        }
    }

    @Test("a page number near Int.max answers an empty page that links back, instead of stopping the simulator")
    func hugePage() async throws {
        try await withSimulator(emptyWorld { $0.historicalMigrations = 5 }) { sim in
            let base = "\(sim.address.apiURL)/orgs/octo-org/migrations"
            let reply = try await sim.get("/orgs/octo-org/migrations?per_page=2&page=\(Int.max)")
            #expect(reply.status == 200)
            #expect(try reply.array().isEmpty)
            #expect(
                reply.header("link")
                    == "<\(base)?per_page=2&page=3>; rel=\"prev\", <\(base)?per_page=2&page=1>; rel=\"first\"")
            let orgs = try await sim.get("/user/orgs?page=\(Int.max / 30 + 2)")
            #expect(orgs.status == 200)
            #expect(try orgs.array().isEmpty)
            #expect(try await sim.get("/orgs/octo-org/migrations?per_page=2&page=-3").array().count == 2)
        }
    }
}
