import MigrationSimulator
import Testing

@Suite("Authentication and common headers")
struct AuthenticationTests {
    @Test("a request without Authorization gets 401 Requires authentication")
    func missingToken() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let reply = try await sim.send(.GET, "/user", token: nil)
            #expect(reply.status == 401)
            #expect(try reply.object()["message"] as? String == "Requires authentication")
            #expect(reply.header("x-ratelimit-limit") == "60")
        }
    }

    @Test("a wrong token gets 401 Bad credentials")
    func wrongToken() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let reply = try await sim.send(.GET, "/user", token: "not-a-token")
            #expect(reply.status == 401)
            let body = try reply.object()
            #expect(body["message"] as? String == "Bad credentials")
            #expect((body["documentation_url"] as? String)?.hasPrefix("https://docs.github.com/") == true)
        }
    }

    @Test("both Bearer and token schemes are accepted, and responses carry GitHub's headers")
    func schemesAndHeaders() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let bearer = try await sim.get("/user")
            let legacy = try await sim.send(
                .GET, "/user", token: nil, headers: [("Authorization", "token \(SimulatorOptions.defaultToken)")])
            #expect(bearer.status == 200)
            #expect(legacy.status == 200)
            #expect(try bearer.object()["login"] as? String == "octocat")
            #expect(bearer.header("content-type") == "application/json; charset=utf-8")
            #expect(bearer.header("x-github-media-type") == "github.v3; format=json")
            #expect(bearer.header("x-ratelimit-limit") == "5000")
            #expect(bearer.header("x-ratelimit-resource") == "core")
            #expect(bearer.header("etag")?.hasPrefix("W/\"") == true)
            #expect(bearer.header("last-modified")?.hasSuffix(" GMT") == true)
            let ids = [bearer.header("x-github-request-id"), legacy.header("x-github-request-id")]
            #expect(ids[0] != nil && ids[0] != ids[1])
        }
    }

    @Test("a custom token list replaces the default token")
    func customTokens() async throws {
        let options = emptyWorld { $0.tokens = ["alpha"] }
        try await withSimulator(options) { sim in
            let accepted = try await sim.send(.GET, "/user", token: "alpha")
            let refused = try await sim.get("/user")
            #expect(accepted.status == 200)
            #expect(refused.status == 401)
        }
    }

    @Test("the user, organizations and repositories of the world are listed")
    func world() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let orgs = try await sim.get("/user/orgs").array().compactMap { $0["login"] as? String }
            #expect(orgs == ["octo-org", "other-org"])
            let repos = try await sim.get("/orgs/octo-org/repos").array()
            let names = repos.compactMap { $0["name"] as? String }
            #expect(names.contains("website") && names.contains("broken-monolith"))
            let first = try #require(repos.first)
            for key in ["id", "node_id", "full_name", "owner", "private", "html_url", "url", "description", "fork"] {
                #expect(first[key] != nil, "missing \(key)")
            }
            let mine = try await sim.get("/user/repos?affiliation=owner").array().compactMap { $0["name"] as? String }
            #expect(mine.contains("Hello-World") && mine.contains("dotfiles"))
            #expect(try await sim.get("/orgs/no-such-org/repos").status == 404)
            #expect(try await sim.get("/no/such/route").status == 404)
        }
    }
}
