import Foundation
import Testing

@testable import GitHubMigrations

@Suite("Decoding the payloads GitHub documents and sends")
struct SeedPayloadDecodingTests {
    @Test("the documented 201 for a new org migration decodes, old fields missing and all")
    func startResponse() throws {
        let migration = try GitHubJSON.decode(
            Migration.self, from: Fixture.data("seed-start-org-migration-201.json"), request: "test")
        #expect(migration.id == 79)
        #expect(migration.state == .pending)
        #expect(migration.lockRepositories)
        #expect(migration.excludeGitData == false)
        #expect(migration.nodeID == nil)
        #expect(migration.repositories.map(\.fullName) == ["octocat/Hello-World"])
        #expect(migration.repositories.first?.owner?.login == "octocat")
        let offset = try #require(GitHubJSON.parseDate("2015-07-06T22:33:38Z"))
        #expect(migration.createdAt == offset)
    }

    @Test("the documented list and status examples decode")
    func listAndStatus() throws {
        let list = try GitHubJSON.decode(
            [Migration].self, from: Fixture.data("seed-list-org-migrations-200.json"), request: "test")
        #expect(list.map(\.id) == [79])
        let status = try GitHubJSON.decode(
            Migration.self, from: Fixture.data("seed-org-migration-status-200.json"), request: "test")
        #expect(status.state == .exported)
        #expect(status.state.isFinished)
    }

    @Test("the documented request body matches what the client encodes")
    func requestBody() throws {
        let documented =
            try JSONSerialization.jsonObject(
                with: Fixture.data("seed-start-org-migration-request.json")) as? [String: Any]
        let decoded = try JSONDecoder().decode(
            StartMigrationRequest.self,
            from: JSONSerialization.data(withJSONObject: documented!.merging(defaultsOfMissingFlags) { a, _ in a }))
        #expect(decoded.repositories == ["octocat/Hello-World"])
        #expect(decoded.lockRepositories)
        let encoded = try GitHubJSON.encoder().encode(decoded)
        let object = try JSONSerialization.jsonObject(with: encoded) as? [String: Any]
        #expect(object?["lock_repositories"] as? Bool == true)
        #expect(object?["repositories"] as? [String] == ["octocat/Hello-World"])
    }

    private var defaultsOfMissingFlags: [String: Any] {
        [
            "exclude_metadata": false, "exclude_git_data": false, "exclude_attachments": false,
            "exclude_releases": false, "exclude_owner_projects": false, "org_metadata_only": false,
        ]
    }

    @Test("every seed payload decodes as the type its endpoint returns")
    func everySeedPayload() throws {
        let names = try Fixture.names(prefix: "seed-").filter { $0.hasSuffix(".json") }
        #expect(names.count == 4)
        for name in names {
            let data = try Fixture.data(name)
            if name.contains("request") {
                _ = try JSONSerialization.jsonObject(with: data)
            } else if name.contains("list") {
                #expect(try GitHubJSON.decode([Migration].self, from: data, request: name).isEmpty == false)
            } else {
                #expect(try GitHubJSON.decode(Migration.self, from: data, request: name).id == 79)
            }
        }
    }

    @Test("a recorded user migration with repositories excluded and archive_url null decodes")
    func excludedRepositories() throws {
        let list = try GitHubJSON.decode(
            [Migration].self, from: Fixture.data("schema-user-migrations-recorded.json"), request: "test")
        let migration = try #require(list.first)
        #expect(migration.state == .exported)
        #expect(migration.archiveURL == nil)
        #expect(migration.repositoriesExcluded)
        #expect(migration.repositories.isEmpty)
    }

    @Test("today's schema with owner null decodes every flag")
    func modernSchema() throws {
        let migration = try GitHubJSON.decode(
            Migration.self, from: Fixture.data("schema-org-migration-modern.json"), request: "test")
        #expect(migration.owner == nil)
        #expect(migration.excludeReleases)
        #expect(migration.nodeID == "MDk6TWlncmF0aW9uNzk=")
        #expect(migration.archiveURL?.hasSuffix("/archive") == true)
        #expect(migration.updatedAt.timeIntervalSince(migration.createdAt) == -7 * 3600)
    }

    @Test("an unknown migration state is kept, not a crash")
    func unknownState() throws {
        let migration = try GitHubJSON.decode(
            Migration.self, from: Fixture.data("schema-migration-unknown-state.json"), request: "test")
        #expect(migration.state == .unknown("archiving"))
        #expect(migration.state.rawValue == "archiving")
        #expect(!migration.state.isActive && !migration.state.isFinished)
    }

    @Test("source imports, authors and large files decode, including an unknown status")
    func sourceImports() throws {
        let running = try GitHubJSON.decode(
            SourceImport.self, from: Fixture.data("schema-source-import.json"), request: "test")
        #expect(running.status == .known(.importing))
        #expect(running.useLFS == .optIn)
        #expect(running.importPercent == 42)
        #expect(running.projectChoices?.first?.tfvcProject == "legacy")
        let odd = try GitHubJSON.decode(
            SourceImport.self, from: Fixture.data("schema-source-import-unknown-status.json"), request: "test")
        #expect(odd.status == .unknown("reticulating"))
        #expect(odd.useLFS == .undecided)
        let authors = try GitHubJSON.decode(
            [ImportAuthor].self, from: Fixture.data("schema-import-authors.json"), request: "test")
        #expect(authors.map(\.remoteName) == ["nobody", "svner"])
        let files = try GitHubJSON.decode(
            [LargeFile].self, from: Fixture.data("schema-large-files.json"), request: "test")
        #expect(files.map(\.size) == [10_485_760, 11_534_336])
    }

    @Test("the rate-limit body decodes to the core budget")
    func rateLimit() throws {
        let overview = try GitHubJSON.decode(
            RateLimitOverview.self, from: Fixture.data("schema-rate-limit.json"), request: "test")
        #expect(overview.resources?.core?.remaining == 4999)
        #expect(overview.resources?.core?.reset == Date(timeIntervalSince1970: 1_691_591_363))
    }

    @Test("a malformed payload becomes one readable line, not a DecodingError dump")
    func malformed() throws {
        let error = #expect(throws: GitHubError.self) {
            try GitHubJSON.decode(Migration.self, from: Data(#"{"id": 1, "state": "pending"}"#.utf8), request: "GET /x")
        }
        #expect(error?.kind == .malformedResponse)
        #expect(error?.message == "missing field guid in the body")
        let notJSON = #expect(throws: GitHubError.self) {
            try GitHubJSON.decode(Migration.self, from: Data("<html>".utf8), request: "GET /x")
        }
        #expect(notJSON?.message == "the body is not valid JSON")
    }
}
