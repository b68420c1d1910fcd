import Foundation
import GitHubMigrations
import TestSupport
import Testing

@Suite("The hostile stand-in for GitHub serves its scenarios")
struct HostileServerTests {
    @Test("the healthy scenario answers the client like GitHub, and logs what it was sent")
    func healthy() async throws {
        let server = try await HostileServer(scenario: "healthy")
        defer { server.stop() }
        let client = GitHubClient(configuration: ClientConfiguration(baseURL: server.apiURL, token: "t0ken"))
        let user = try await client.authenticatedUser()
        try await client.shutdown()
        #expect(user.login == "octocat")
        let logged = try await server.requests()
        #expect(logged.first?.path == "/user")
        #expect(logged.first?.authorization?.hasSuffix("t0ken") == true)
    }
}
