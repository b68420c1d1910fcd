import Foundation
import TestSupport
import Testing

@Suite("migdash download against a hostile server: a login or guid never takes a file out of --output")
struct HostileNameTests {
    /// `download --org ORG ID --output DIR --api-url SERVER --token T`.
    private func download(_ id: Int, org: String = "octo-org", into folder: String, _ server: HostileServer)
        -> [String]
    {
        [
            "download", "--org", org, String(id), "--output", folder, "--api-url", server.apiURL, "--token-file",
            CommandRun.simulatorTokenFile,
        ]
    }

    @Test("a guid with / and .. is refused with one line, and nothing lands outside --output")
    func guidClimbingOut() async throws {
        let server = try await HostileServer(scenario: "traversal-guid")
        defer { server.stop() }
        let root = try TemporaryDirectory(prefix: "migdash-cli-climb")
        let folder = root.path + "/downloads"
        // The first component of `octo-org-migration-7-/../../escaped.tar.gz`; with it there, the name
        // climbs to the root.
        try FileManager.default.createDirectory(
            atPath: folder + "/octo-org-migration-7-", withIntermediateDirectories: true)
        let outcome = try await CommandRun().migdash(download(7, into: folder, server))
        #expect(outcome.status == 1)
        #expect(outcome.errorOutput.hasPrefix("migdash: "), "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.contains("guid"), "\(outcome.errorOutput)")
        #expect(outcome.errorOutput.split(separator: "\n").count == 1)
        #expect(root.files() == ["downloads"], "\(root.files())")
        #expect(
            (try? FileManager.default.contentsOfDirectory(atPath: folder + "/octo-org-migration-7-")) == [])
        let asked = try await server.requests().map(\.path)
        #expect(!asked.contains { $0.hasPrefix("/storage") }, "the archive was fetched: \(asked)")
    }

    @Test("an organization login that climbs out of the folder is refused before anything is asked")
    func loginClimbingOut() async throws {
        let server = try await HostileServer(scenario: "traversal-login")
        defer { server.stop() }
        let root = try TemporaryDirectory(prefix: "migdash-cli-climb")
        let outcome = try await CommandRun().migdash(
            download(7, org: "../../../../elsewhere/x", into: root.path + "/a/b/c/d", server))
        #expect(outcome.status == 2)
        #expect(
            outcome.errorOutput == "migdash: \"../../../../elsewhere/x\" is not a GitHub organization login.\n",
            "\(outcome.errorOutput)")
        #expect(root.files() == [])
        let asked = try await server.requests().map(\.path).filter { !$0.hasPrefix("/_hostile") }
        #expect(asked == [], "asked: \(asked)")
    }
}
