import Foundation
import MigrationSimulator
import Testing

@Suite("An enterprise's worth of organizations and migrations, read through GitHub's pagination")
struct EnterpriseScaleTests {
    /// Every item of a list, following `Link: rel="next"` from `path` as a client must; also the pages read.
    private func readAll(_ sim: Harness, _ path: String) async throws -> (items: [[String: Any]], pages: Int) {
        var items: [[String: Any]] = []
        var next: String? = path
        var pages = 0
        while let target = next {
            let reply = try await sim.get(target)
            try #require(reply.status == 200, "\(target): \(reply.status) \(reply.text)")
            items += try reply.array()
            pages += 1
            try #require(pages <= 1_000, "a Link chain that never ends")
            next = reply.header("link").flatMap(Self.nextLink)
        }
        return (items, pages)
    }

    /// The URL of `rel="next"` in a `Link` header.
    private static func nextLink(_ header: String) -> String? {
        for part in header.split(separator: ",") where part.contains("rel=\"next\"") {
            guard let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">") else { return nil }
            return String(part[part.index(after: open)..<close])
        }
        return nil
    }

    @Test("20 organizations and 1,000 migrations: octo-org first, every org's list paged newest first, 1,000 in all")
    func migrationsAddUp() async throws {
        try await withSimulator(
            emptyWorld {
                $0.ownedOrganizations = 20; $0.historicalMigrations = 1_000
            }
        ) { sim in
            let orgs = try await readAll(sim, "/user/orgs").items.compactMap { $0["login"] as? String }
            let owned = ["octo-org"] + (2...20).map { "octo-org-\($0)" }
            #expect(orgs == owned + ["other-org"])
            var total = 0
            var ids = Set<Int>()
            var states: [String: Int] = [:]
            for org in owned {
                let (list, pages) = try await readAll(sim, "/orgs/\(org)/migrations?per_page=20")
                #expect(list.count == 50, "\(org)")
                #expect(pages == 3, "\(org)")
                total += list.count
                let created = list.compactMap { $0["created_at"] as? String }
                let numbers = list.compactMap { $0["id"] as? Int }
                #expect(created == created.sorted(by: >), "\(org) is not newest first")
                #expect(numbers == numbers.sorted(by: >), "\(org): ids do not fall with age")
                ids.formUnion(numbers)
                for migration in list {
                    let state = try #require(migration["state"] as? String)
                    states[state, default: 0] += 1
                    let repositories = try #require(migration["repositories"] as? [[String: Any]])
                    #expect((1...2).contains(repositories.count))
                    for repository in repositories {
                        #expect((repository["full_name"] as? String)?.hasPrefix("\(org)/") == true)
                    }
                }
            }
            #expect(total == 1_000)
            #expect(ids.count == 1_000)
            #expect(Set(states.keys) == ["exported", "failed"])
            #expect((states["failed"] ?? 0) * 20 > 1_000 && (states["failed"] ?? 0) * 5 < 1_000, "\(states)")
        }
    }

    @Test("GET /user/orgs pages 41 organizations 30 at a time with next and last, or all at once with per_page=100")
    func organizationsPaged() async throws {
        try await withSimulator(emptyWorld { $0.ownedOrganizations = 40 }) { sim in
            let first = try await sim.get("/user/orgs")
            #expect(try first.array().count == 30)
            let base = "\(sim.address.apiURL)/user/orgs"
            #expect(first.header("link") == "<\(base)?page=2>; rel=\"next\", <\(base)?page=2>; rel=\"last\"")
            let (all, pages) = try await readAll(sim, "/user/orgs")
            #expect(all.count == 41 && pages == 2)
            let whole = try await sim.get("/user/orgs?per_page=100")
            #expect(try whole.array().count == 41)
            #expect(whole.header("link") == nil)
            let logins = all.compactMap { $0["login"] as? String }
            #expect(Set(logins).count == 41)
            #expect(logins.allSatisfy(Self.isValidLogin), "\(logins)")
        }
    }

    @Test("an added organization takes migrations and imports of its own repositories, not of another's")
    func addedOrganizationWorks() async throws {
        try await withSimulator(emptyWorld { $0.ownedOrganizations = 8 }) { sim in
            let repositories = try await readAll(sim, "/orgs/octo-org-7/repos").items
            #expect((3...5).contains(repositories.count))
            let name = try #require(repositories.first?["name"] as? String)
            let started = try await sim.send(
                .POST, "/orgs/octo-org-7/migrations", json: "{\"repositories\":[\"\(name)\"]}")
            #expect(started.status == 201, "\(started.text)")
            let id = try #require(try started.object()["id"] as? Int)
            #expect(try await sim.get("/orgs/octo-org-7/migrations/\(id)").status == 200)
            #expect(try await sim.get("/orgs/octo-org-2/migrations/\(id)").status == 404)
            let foreign = try await sim.send(
                .POST, "/orgs/octo-org-7/migrations", json: "{\"repositories\":[\"octo-repo\"]}")
            #expect(foreign.status == 422)
            #expect(try await sim.get("/orgs/octo-org-9/migrations").status == 404)
            #expect(try await sim.get("/orgs/other-org/migrations").status == 404)
            let vcs = "{\"vcs_url\":\"https://svn.example.com/\(name)\",\"vcs\":\"subversion\"}"
            let imported = try await sim.send(.PUT, "/repos/octo-org-7/\(name)/import", json: vcs)
            #expect(imported.status == 201, "\(imported.text)")
        }
    }

    @Test("with one organization, historical migrations are exactly what they always were")
    func defaultUnchanged() async throws {
        try await withSimulator(emptyWorld { $0.historicalMigrations = 10 }) { sim in
            let orgs = try await sim.get("/user/orgs").array().compactMap { $0["login"] as? String }
            #expect(orgs == ["octo-org", "other-org"])
            let list = try await sim.get("/orgs/octo-org/migrations").array()
            #expect(list.compactMap { $0["id"] as? Int } == Array((238_991...239_000).reversed()))
            let names = list.map {
                (($0["repositories"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
            }
            #expect(
                names == [
                    ["octo-repo"], ["website"], ["api-server"], ["octo-repo"], ["broken-monolith"], ["api-server"],
                    ["octo-repo"], ["website"], ["api-server"], ["octo-repo"],
                ])
            let failed = list.filter { $0["state"] as? String == "failed" }.compactMap { $0["id"] as? Int }
            #expect(failed == [238_996])
            #expect(list.allSatisfy { $0["exclude_metadata"] as? Bool == false })
        }
    }

    /// GitHub's rule for a login: letters, digits and single hyphens, not at either end, at most 39 characters.
    private static func isValidLogin(_ login: String) -> Bool {
        login.count <= 39 && !login.hasPrefix("-") && !login.hasSuffix("-") && !login.contains("--")
            && login.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
    }
}
