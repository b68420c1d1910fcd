import Foundation
import GitHubMigrations
import MigrationSimulator
import Synchronization
import Testing

/// Every request that changes something is reported for the audit trail, with GitHub's request id and
/// never a secret.
@Suite("Mutations reported to onMutation")
struct MutationRecordTests {
    /// Collects what the client reports.
    final class Records: Sendable {
        let all = Mutex<[MutationRecord]>([])
        var list: [MutationRecord] { all.withLock { $0 } }
    }

    @Test("A start, an import with a password, a failed delete: each one record; GETs none; no password kept")
    func reported() async throws {
        let records = Records()
        try await SimulatorHarness.run(
            options: SimulatorHarness.emptyWorld,
            configure: { $0.onMutation = { record in records.all.withLock { $0.append(record) } } }
        ) { _, client, _ in
            let started = try await client.startMigration(
                .organization("octo-org"),
                StartMigrationRequest(repositories: ["octo-org/website"], lockRepositories: true))
            _ = try await client.listMigrations(.organization("octo-org"))
            let repo = RepositoryName(owner: "octocat", name: "dotfiles")
            _ = try await client.startImport(repo, StartImportRequest(vcsURL: "https://svn.example.com/auth-failed"))
            _ = try await client.updateImport(
                repo, UpdateImportRequest(vcsUsername: "admin", vcsPassword: "hunter2-secret-pass"))
            await #expect(throws: GitHubError.self) {
                try await client.deleteArchive(.organization("octo-org"), id: 999_999)
            }
            let list = records.list
            #expect(list.map(\.method) == ["POST", "PUT", "PATCH", "DELETE"], "\(list)")
            let start = try #require(list.first)
            #expect(start.path == "/orgs/octo-org/migrations" && start.status == 201 && start.failure == nil)
            #expect(start.requestID?.isEmpty == false, "GitHub's X-GitHub-Request-Id is kept")
            #expect(start.body?.contains(#""lock_repositories":true"#) == true, "\(start.body ?? "")")
            #expect(started.id > 0 && start.createdID == started.id, "a start names the migration it made")
            #expect(list.dropFirst().allSatisfy { $0.createdID == nil || $0.method == "POST" })
            let patch = list[2]
            #expect(patch.body?.contains("hunter2") == false && patch.body?.contains("[redacted]") == true)
            #expect(patch.body?.contains("admin") == true, "the user name is not a secret")
            let delete = list[3]
            #expect(delete.status == 404 && delete.failure?.isEmpty == false)
            #expect(!list.contains { "\($0)".contains(SimulatorOptions.defaultToken) })
        }
    }

    @Test("Secrets are redacted at any depth; a body that is not JSON is not kept")
    func summaries() {
        let nested = Data(#"{"a":{"api_token":"t0k","list":[{"Password":"p"}]},"vcs_username":"u"}"#.utf8)
        let text = MutationRecord.summary(of: nested) ?? ""
        #expect(!text.contains("t0k") && !text.contains(#""p""#) && text.contains(#""vcs_username":"u""#))
        #expect(MutationRecord.summary(of: Data("password=x".utf8))?.contains("x") == false)
        #expect(MutationRecord.summary(of: nil) == nil)
        let long = Data(("{\"a\":\"" + String(repeating: "x", count: 5_000) + "\"}").utf8)
        #expect((MutationRecord.summary(of: long)?.count ?? 0) <= MutationRecord.bodyLimit + 1)
    }
}
