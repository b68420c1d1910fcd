import MigrationSimulator
import Testing

@Suite("Archive layout")
struct ArchiveLayoutTests {
    /// The entry names of the archive of a migration started with `flags` (JSON members).
    private func entries(_ sim: Harness, _ repositories: [String], flags: String) async throws -> [TarEntry] {
        let id = try await sim.startOrgMigration(repositories, extra: flags)
        sim.simulator.advance(seconds: 16)
        let url = try await sim.archiveURL("/orgs/octo-org/migrations/\(id)")
        let bytes = try await sim.send(.GET, url, token: nil).body
        return try ArchiveReader.untar(try ArchiveReader.gunzip(bytes))
    }

    @Test("exclude_metadata leaves git data only; exclude_git_data leaves metadata only")
    func excludes() async throws {
        try await withSimulator(emptyWorld()) { sim in
            let gitOnly = Set(try await entries(sim, ["website"], flags: #","exclude_metadata":true"#).map(\.name))
            #expect(gitOnly.contains("repositories/octo-org/website.git/config"))
            #expect(!gitOnly.contains("issues_000001.json") && !gitOnly.contains("attachments_000001.json"))
            #expect(gitOnly.contains("repositories_000001.json"))
            let metadataOnly = Set(
                try await entries(sim, ["website"], flags: #","exclude_git_data":true,"exclude_releases":true"#)
                    .map(\.name))
            #expect(metadataOnly.contains("issues_000001.json"))
            #expect(!metadataOnly.contains("releases_000001.json"))
            #expect(!metadataOnly.contains { $0.hasPrefix("repositories/") })
        }
    }

    @Test("the seeded big archive is a few megabytes and still a valid tar.gz")
    func bigArchive() async throws {
        try await withSimulator { sim in
            let url = try await sim.archiveURL("/orgs/octo-org/migrations/240498")
            let reply = try await sim.send(.GET, url, token: nil)
            #expect(reply.body.count > 2_000_000)
            let entries = try ArchiveReader.untar(try ArchiveReader.gunzip(reply.body))
            #expect(entries.contains { $0.name.hasSuffix(".pack") && $0.contents.count > 2_000_000 })
        }
    }
}
