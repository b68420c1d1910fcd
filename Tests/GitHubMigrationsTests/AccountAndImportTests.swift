import Foundation
import GitHubMigrations
import MigrationSimulator
import Testing

@Suite("Account calls and source imports against the simulator")
struct AccountAndImportTests {
    @Test("user, orgs, repositories and the rate limit come back typed")
    func account() async throws {
        try await SimulatorHarness.run { _, client, _ in
            #expect(try await client.authenticatedUser().login == "octocat")
            #expect(try await client.organizations().map(\.login).contains("octo-org"))
            #expect(try await client.organizationRepositories("octo-org").count >= 3)
            #expect(try await client.userRepositories().count >= 2)
            let limit = try #require(try await client.rateLimit())
            #expect(limit.limit == 5000)
            #expect(limit.remaining <= limit.limit)
            #expect(await client.currentRateLimit() != nil)
        }
    }

    @Test("Enterprise Server's /api/v3 root works and the urls it returns carry the prefix")
    func enterprisePrefix() async throws {
        try await SimulatorHarness.run(pathPrefix: "/api/v3") { _, client, _ in
            let migrations = try await client.listMigrations(.user)
            #expect(migrations.isEmpty == false)
            #expect(migrations.allSatisfy { $0.url?.contains("/api/v3/user/migrations/") == true })
        }
    }

    @Test("a bad token is unauthorized, and the message never shows it")
    func badToken() async throws {
        try await SimulatorHarness.run(token: "ghp_wrongtoken123") { _, client, _ in
            let error = await #expect(throws: GitHubError.self) { try await client.authenticatedUser() }
            #expect(error?.kind == .unauthorized)
            #expect(error?.userMessage.contains("ghp_wrongtoken123") == false)
        }
    }

    @Test("a source import runs from detecting to complete with authors, large files and LFS")
    func importLifecycle() async throws {
        try await SimulatorHarness.run(options: SimulatorHarness.emptyWorld) { simulator, client, _ in
            let repo = RepositoryName(owner: "octocat", name: "Hello-World")
            let started = try await client.startImport(
                repo, StartImportRequest(vcsURL: "https://svn.example.com/hello"))
            #expect(started.status == .known(.detecting))
            simulator.advance(seconds: SimulatorOptions().importSeconds * 0.3)
            let importing = try await client.importProgress(repo)
            #expect(importing.status == .known(.importing))
            #expect((importing.importPercent ?? -1) >= 0)
            let authors = try await client.importAuthors(repo)
            let first = try #require(authors.first)
            let mapped = try await client.mapAuthor(
                repo, authorID: first.id, AuthorMapping(email: "mona@example.com", name: "Mona"))
            #expect(mapped.email == "mona@example.com")
            let later = try await client.importAuthors(repo, since: first.id)
            #expect(later.allSatisfy { $0.id > first.id })
            _ = try await client.largeFiles(repo)
            let lfs = try await client.setLFSPreference(repo, .optIn)
            #expect(lfs.useLFS == .optIn)
            simulator.advance(seconds: SimulatorOptions().importSeconds * 2)
            #expect(try await client.importProgress(repo).status.isComplete)
            try await client.cancelImport(repo)
            let gone = await #expect(throws: GitHubError.self) { try await client.importProgress(repo) }
            #expect(gone?.kind == .notFound)
        }
    }

    @Test("auth_failed is fixed by new credentials; detection_found_multiple by choosing a VCS")
    func importProblems() async throws {
        try await SimulatorHarness.run(options: SimulatorHarness.emptyWorld) { _, client, _ in
            let repo = RepositoryName(owner: "octocat", name: "dotfiles")
            _ = try await client.startImport(repo, StartImportRequest(vcsURL: "https://svn.example.com/auth-failed"))
            #expect(try await client.importProgress(repo).status == .known(.authFailed))
            let fixed = try await client.updateImport(repo, UpdateImportRequest(vcsUsername: "u", vcsPassword: "p"))
            #expect(fixed.status != .known(.authFailed))
            try await client.cancelImport(repo)
            _ = try await client.startImport(repo, StartImportRequest(vcsURL: "https://tfs.example.com/multiple"))
            let choosing = try await client.importProgress(repo)
            #expect(choosing.status == .known(.detectionFoundMultiple))
            #expect(choosing.projectChoices?.isEmpty == false)
            let chosen = try await client.updateImport(repo, UpdateImportRequest(vcs: "git"))
            #expect(chosen.status != .known(.detectionFoundMultiple))
        }
    }

    @Test("a retired import API answers with the retiredAPI kind (410) or not found (404)")
    func retiredImports() async throws {
        try await SimulatorHarness.run { simulator, client, _ in
            let repo = RepositoryName(owner: "octocat", name: "Hello-World")
            simulator.setRetiredImports(.gone)
            let gone = await #expect(throws: GitHubError.self) { try await client.importProgress(repo) }
            #expect(gone?.kind == .retiredAPI)
            simulator.setRetiredImports(.notFound)
            let missing = await #expect(throws: GitHubError.self) {
                try await client.startImport(repo, StartImportRequest(vcsURL: "https://svn.example.com/x"))
            }
            #expect(missing?.status == 404)
        }
    }
}
