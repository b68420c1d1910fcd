import Foundation
import Testing

@testable import GitHubMigrations

@Suite("Link headers, origins, hosts and error classification")
struct TransportUnitTests {
    @Test("a Link header yields next and last, commas inside URLs and all")
    func linkHeader() {
        let header = LinkHeader(
            #"<https://api.github.com/user/migrations?page=2&per_page=100,x>; rel="next", "#
                + #"<https://api.github.com/user/migrations?page=5>; rel="last""#)
        #expect(header.next == "https://api.github.com/user/migrations?page=2&per_page=100,x")
        #expect(header.last == "https://api.github.com/user/migrations?page=5")
        #expect(LinkHeader(nil).next == nil)
        #expect(LinkHeader("garbage").next == nil)
    }

    @Test("origins compare scheme, host and port")
    func origins() {
        #expect(Origin("https://api.github.com/user") == Origin("https://API.github.com:443/x"))
        #expect(Origin("http://127.0.0.1:8080/a") != Origin("http://127.0.0.1:8081/a"))
        #expect(Origin("https://api.github.com") != Origin("http://api.github.com"))
        #expect(Origin("file:///etc/passwd") == nil)
    }

    @Test("a host name becomes github.com's API or Enterprise Server's /api/v3")
    func hosts() {
        #expect(ClientConfiguration.baseURL(forHost: "github.com") == "https://api.github.com")
        #expect(ClientConfiguration.baseURL(forHost: "ghe.example.com") == "https://ghe.example.com/api/v3")
        #expect(ClientConfiguration.baseURL(forHost: "https://ghe.example.com/") == "https://ghe.example.com/api/v3")
        #expect(ClientConfiguration(baseURL: "http://x/api/v3/", token: "t").baseURL == "http://x/api/v3")
    }

    private func response(_ status: Int, _ headers: [(String, String)] = [], body: String = "{}") -> APIResponse {
        APIResponse(status: status, headers: ResponseHeaders(headers), body: Data(body.utf8))
    }

    @Test("statuses and limit headers map to the kinds the UI acts on")
    func classification() {
        let now = Date(timeIntervalSince1970: 1_000)
        func kind(_ r: APIResponse) -> GitHubError.Kind { GitHubError(response: r, request: "GET /x", now: now).kind }
        #expect(kind(response(401)) == .unauthorized)
        #expect(kind(response(403, [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "2000")])) == .rateLimited)
        #expect(kind(response(429, [("x-ratelimit-remaining", "10")])) == .secondaryRateLimited)
        #expect(
            kind(response(403, body: #"{"message":"You have exceeded a secondary rate limit."}"#))
                == .secondaryRateLimited)
        #expect(kind(response(403, [("retry-after", "30")])) == .secondaryRateLimited)
        #expect(kind(response(403, body: #"{"message":"Resource not accessible"}"#)) == .forbidden)
        #expect(kind(response(404)) == .notFound)
        #expect(kind(response(410)) == .retiredAPI)
        #expect(kind(response(422)) == .validation)
        #expect(kind(response(502)) == .serverError)
        #expect(kind(response(418)) == .unexpectedStatus)
        let primary = GitHubError(
            response: response(403, [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "2000")]), request: "GET /x",
            now: now)
        #expect(primary.retryAt == Date(timeIntervalSince1970: 2000))
        let secondary = GitHubError(response: response(403, [("retry-after", "30")]), request: "GET /x", now: now)
        #expect(secondary.retryAt == Date(timeIntervalSince1970: 1030))
    }

    @Test("a 422 keeps GitHub's message, field errors, documentation URL and request id")
    func validationDetails() throws {
        let error = GitHubError(
            response: APIResponse(
                status: 422, headers: ResponseHeaders([("X-GitHub-Request-Id", "ABCD:1234")]),
                body: try Fixture.data("schema-validation-error.json")),
            request: "POST /orgs/octo-org/migrations", now: Date())
        #expect(error.message == "Validation Failed")
        #expect(error.errors == [GitHubError.FieldError(resource: "Label", field: "color", code: "invalid")])
        #expect(error.documentationURL?.hasPrefix("https://developer.github.com") == true)
        #expect(error.requestID == "ABCD:1234")
        #expect(error.userMessage.contains("Label color invalid"))
        #expect(error.userMessage.contains("(request ABCD:1234)"))
        #expect(error.code == "validation")
        #expect(GitHubError(kind: .secondaryRateLimited, message: "m").code == "secondary_rate_limited")
    }

    @Test("a 403 for a missing scope says which scope and that classic tokens are needed")
    func missingScope() {
        let error = GitHubError(
            response: response(
                403, [("X-Accepted-OAuth-Scopes", "admin:org, repo"), ("X-OAuth-Scopes", "read:user")],
                body: #"{"message":"Must have admin rights to Repository."}"#),
            request: "POST /orgs/octo-org/migrations", now: Date())
        #expect(error.kind == .forbidden)
        #expect(error.acceptedScopes == ["admin:org", "repo"])
        #expect(error.userMessage.contains("lacks the scope admin:org or repo"))
        #expect(error.userMessage.contains("classic personal access tokens"))
    }

    @Test("a request summary carries no query string or host")
    func summary() {
        let request = APIRequest(method: .get, path: "https://api.github.com/user/migrations?page=2&access_token=x")
        #expect(request.summary == "GET /user/migrations")
    }
}
