import Foundation
import MigrationSimulator
import Testing

@Suite("Migration lifecycle")
struct OrgMigrationLifecycleTests {
    @Test("an organization migration goes pending, exporting, exported as the clock advances")
    func lifecycle() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let reply = try await sim.send(
                .POST, "/orgs/octo-org/migrations",
                json: #"{"repositories":["website","octo-org/octo-repo"],"lock_repositories":true}"#)
            #expect(reply.status == 201)
            let created = try reply.object()
            let id = try #require(created["id"] as? Int)
            #expect(reply.header("location") == "\(sim.address.apiURL)/orgs/octo-org/migrations/\(id)")
            #expect(created["state"] as? String == "pending")
            #expect(created["archive_url"] == nil)
            #expect((created["repositories"] as? [[String: Any]])?.count == 2)
            for key in [
                "owner", "guid", "lock_repositories", "exclude_metadata", "exclude_git_data", "exclude_attachments",
                "exclude_releases", "exclude_owner_projects", "org_metadata_only", "url", "created_at", "updated_at",
                "node_id",
            ] {
                #expect(created[key] != nil, "missing \(key)")
            }
            #expect((created["created_at"] as? String)?.hasSuffix("Z") == true)
            let path = "/orgs/octo-org/migrations/\(id)"
            sim.simulator.advance(seconds: 5)
            #expect(try await sim.get(path).object()["state"] as? String == "exporting")
            sim.simulator.advance(seconds: 11)
            let exported = try await sim.get(path).object()
            #expect(exported["state"] as? String == "exported")
            #expect(exported["archive_url"] as? String == "\(sim.address.apiURL)\(path)/archive")
        }
    }

    @Test("a migration of a repository named broken ends failed")
    func brokenFails() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let id = try await sim.startOrgMigration(["broken-monolith"])
            sim.simulator.advance(seconds: 16)
            let migration = try await sim.get("/orgs/octo-org/migrations/\(id)").object()
            #expect(migration["state"] as? String == "failed")
            #expect(try await sim.get("/orgs/octo-org/migrations/\(id)/archive").status == 404)
        }
    }

    @Test("bad start requests get 422 or 400 with GitHub's bodies")
    func validation() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let unknown = try await sim.send(.POST, "/orgs/octo-org/migrations", json: #"{"repositories":["nope"]}"#)
            #expect(unknown.status == 422)
            let body = try unknown.object()
            #expect(body["message"] as? String == "Validation Failed")
            let error = try #require((body["errors"] as? [[String: Any]])?.first)
            #expect(error["resource"] as? String == "Migration")
            #expect(error["field"] as? String == "repositories")
            #expect(error["code"] as? String == "invalid")
            let empty = try await sim.send(.POST, "/orgs/octo-org/migrations", json: #"{"repositories":[]}"#)
            #expect(empty.status == 422)
            let metadataOnly = try await sim.send(
                .POST, "/orgs/octo-org/migrations", json: #"{"repositories":[],"org_metadata_only":true}"#)
            #expect(metadataOnly.status == 201)
            let malformed = try await sim.send(.POST, "/orgs/octo-org/migrations", json: #"{"repositories": ["#)
            #expect(malformed.status == 400)
            #expect(try malformed.object()["message"] as? String == "Problems parsing JSON")
            let foreign = try await sim.send(
                .POST, "/orgs/octo-org/migrations", json: #"{"repositories":["octocat/dotfiles"]}"#)
            #expect(foreign.status == 422)
        }
    }

    @Test("migrations of an organization the user does not own answer 404")
    func notOwner() async throws {
        try await withSimulator(emptyWorld()) { sim in
            #expect(try await sim.get("/orgs/other-org/migrations").status == 404)
            let start = try await sim.send(
                .POST, "/orgs/other-org/migrations", json: #"{"repositories":["shared-config"]}"#)
            #expect(start.status == 404)
            #expect(try await sim.get("/orgs/octo-org/migrations/999999").status == 404)
        }
    }

    @Test("exclude repositories empties the list in the POST answer and in GET with the query")
    func excludeRepositories() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let reply = try await sim.send(
                .POST, "/user/migrations", json: #"{"repositories":["dotfiles"],"exclude":["repositories"]}"#)
            #expect(reply.status == 201)
            let body = try reply.object()
            #expect((body["repositories"] as? [Any])?.isEmpty == true)
            #expect(body["exclude"] as? [String] == ["repositories"])
            let id = try #require(body["id"] as? Int)
            let plain = try await sim.send(.POST, "/user/migrations", json: #"{"repositories":["Hello-World"]}"#)
            let plainID = try #require(try plain.object()["id"] as? Int)
            let full = try await sim.get("/user/migrations/\(plainID)").object()
            #expect((full["repositories"] as? [Any])?.count == 1)
            let trimmed = try await sim.get("/user/migrations/\(plainID)?exclude=repositories").object()
            #expect((trimmed["repositories"] as? [Any])?.isEmpty == true)
            let listed = try await sim.get("/user/migrations/\(id)/repositories").array()
            #expect(listed.first?["name"] as? String == "dotfiles")
        }
    }

    @Test("the seeded world has migrations in every state, including the recorded exclude quirk")
    func seededWorld() async throws {
        try await withSimulator { sim in
            let org = try await sim.get("/orgs/octo-org/migrations").array()
            let states = Set(org.compactMap { $0["state"] as? String })
            #expect(states == ["pending", "exporting", "exported", "failed"])
            let user = try await sim.get("/user/migrations").array()
            #expect(Set(user.compactMap { $0["state"] as? String }) == states)
            let quirk = try #require(user.first { ($0["exclude"] as? [String]) == ["repositories"] })
            #expect(quirk["state"] as? String == "exported")
            #expect(quirk["archive_url"] is NSNull)
            #expect((quirk["repositories"] as? [Any])?.isEmpty == true)
            let ids = org.compactMap { $0["id"] as? Int }
            #expect(ids == ids.sorted(by: >))
        }
    }
}
