import Foundation
import GitHubMigrations
import MigrationSimulator
import Testing

@Suite("Org and user migrations against the simulator over loopback HTTP")
struct MigrationLifecycleTests {
    @Test("an org migration goes pending, exporting, exported; its archive is fetched and deleted")
    func orgLifecycle() async throws {
        try await SimulatorHarness.run(options: SimulatorHarness.emptyWorld) { simulator, client, _ in
            try await lifecycle(.organization("octo-org"), repositories: ["octo-repo", "website"], simulator, client)
        }
    }

    @Test("a user migration goes through the same seven endpoints under /user/migrations")
    func userLifecycle() async throws {
        try await SimulatorHarness.run(options: SimulatorHarness.emptyWorld) { simulator, client, _ in
            try await lifecycle(.user, repositories: ["octocat/Hello-World"], simulator, client)
        }
    }

    private func lifecycle(
        _ scope: MigrationScope, repositories: [String], _ simulator: Simulator, _ client: GitHubClient
    ) async throws {
        let started = try await client.startMigration(
            scope, StartMigrationRequest(repositories: repositories, lockRepositories: true))
        #expect(started.state == .pending)
        #expect(started.lockRepositories)
        #expect(started.repositories.count == repositories.count)
        simulator.advance(seconds: SimulatorOptions().exportSeconds / 2)
        #expect(try await client.migration(scope, id: started.id).state == .exporting)
        simulator.advance(seconds: SimulatorOptions().exportSeconds)
        let exported = try await client.migration(scope, id: started.id)
        #expect(exported.state == .exported)
        #expect(try await client.listMigrations(scope).map(\.id).contains(started.id))
        let repos = try await client.migrationRepositories(scope, id: started.id)
        #expect(repos.count == repositories.count)

        let url = try await client.archiveURL(scope, id: started.id)
        let apiURL = try #require(exported.url)
        let api = try #require(URL(string: apiURL))
        #expect(url.port != api.port, "the archive lives on another origin, as S3 does")

        let first = try #require(repos.first)
        try await client.unlockRepository(scope, id: started.id, repository: first.name)
        let again = await #expect(throws: GitHubError.self) {
            try await client.unlockRepository(scope, id: started.id, repository: first.name)
        }
        #expect(again?.kind == .notFound)

        try await client.deleteArchive(scope, id: started.id)
        let gone = await #expect(throws: GitHubError.self) { try await client.archiveURL(scope, id: started.id) }
        #expect(gone?.kind == .notFound)
        #expect(try await client.migration(scope, id: started.id).state == .exported)
    }

    @Test("a migration of a repository marked broken ends failed")
    func failedMigration() async throws {
        try await SimulatorHarness.run(options: SimulatorHarness.emptyWorld) { simulator, client, _ in
            let scope = MigrationScope.organization("octo-org")
            let started = try await client.startMigration(
                scope, StartMigrationRequest(repositories: ["broken-monolith"]))
            simulator.advance(seconds: SimulatorOptions().exportSeconds * 2)
            #expect(try await client.migration(scope, id: started.id).state == .failed)
        }
    }

    @Test("an unknown repository is a validation error with GitHub's field errors")
    func validation() async throws {
        try await SimulatorHarness.run(options: SimulatorHarness.emptyWorld) { _, client, _ in
            let error = await #expect(throws: GitHubError.self) {
                try await client.startMigration(
                    .organization("octo-org"), StartMigrationRequest(repositories: ["no-such-repo"]))
            }
            #expect(error?.kind == .validation)
            #expect(error?.status == 422)
            #expect(error?.errors.isEmpty == false)
            #expect(error?.requestID?.isEmpty == false)
        }
    }

    @Test("an org the user does not own answers not found")
    func foreignOrg() async throws {
        try await SimulatorHarness.run { _, client, _ in
            let error = await #expect(throws: GitHubError.self) {
                try await client.listMigrations(.organization("other-org"))
            }
            #expect(error?.kind == .notFound)
        }
    }

    @Test("the seeded world has migrations in every state, and excluded repositories decode")
    func seededWorld() async throws {
        try await SimulatorHarness.run { _, client, _ in
            let all =
                try await client.listMigrations(.organization("octo-org"))
                + client.listMigrations(.user)
            let states = Set(all.map(\.state))
            #expect(states.isSuperset(of: [.pending, .exporting, .exported, .failed]))
            let lean = try await client.listMigrations(.organization("octo-org"), excludeRepositories: true)
            #expect(lean.allSatisfy { $0.repositories.isEmpty })
        }
    }
}
