import Foundation

extension SimulatorWorld {
    /// The world a simulator starts with; seeded migrations and imports are placed relative to `now`.
    static func make(options: SimulatorOptions, now: Date) -> SimulatorWorld {
        var world = SimulatorWorld()
        world.addAccountsAndRepositories()
        world.addOwnedOrganizations(options.ownedOrganizations - 1)
        world.addHistoricalMigrations(options.historicalMigrations, now: now)
        if options.seedWorld {
            world.seedMigrations(
                now: now, exportSeconds: options.exportSeconds, largeArchiveBytes: options.largeArchiveBytes)
            world.seedImports(now: now, importSeconds: options.importSeconds)
        }
        return world
    }

    /// The date an ISO 8601 text names; a fixed date in 2011 if it cannot be read.
    static func date(_ iso: String) -> Date {
        (try? Date(iso, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 1_300_000_000)
    }

    private mutating func addAccountsAndRepositories() {
        accounts = [
            AccountRecord(
                login: Self.viewer, id: 1, kind: .user, name: "The Octocat", description: nil,
                createdAt: Self.date("2011-01-25T18:44:36Z")),
            AccountRecord(
                login: Self.ownedOrganization, id: 6_811_672, kind: .organization, name: "Octo Org",
                description: "Where the octocats keep their code", createdAt: Self.date("2014-03-04T09:12:50Z")),
            AccountRecord(
                login: Self.memberOrganization, id: 7_034_915, kind: .organization, name: "Other Org",
                description: "An organization octocat belongs to but does not own",
                createdAt: Self.date("2014-05-19T16:40:02Z")),
        ]
        let rows: [(Int, String, String, String?, Bool, String?)] = [
            (1_296_269, Self.viewer, "Hello-World", "My first repository on GitHub!", false, nil),
            (18_221_276, Self.viewer, "dotfiles", "Shell, editor and git settings", false, "Shell"),
            (20_978_623, Self.viewer, "broken-experiments", "Scratch space; exports of it fail", true, "Go"),
            (41_983_529, Self.ownedOrganization, "octo-repo", "The main product", true, "Swift"),
            (62_105_419, Self.ownedOrganization, "website", "octo-org.example", false, "TypeScript"),
            (74_563_092, Self.ownedOrganization, "api-server", "Public REST API", true, "Go"),
            (80_911_346, Self.ownedOrganization, "broken-monolith", "Too big to export", true, "Java"),
            (95_103_387, Self.ownedOrganization, "legacy-svn", "Imported from Subversion", true, nil),
            (95_103_512, Self.ownedOrganization, "old-hg", "Imported from Mercurial", true, nil),
            (95_103_688, Self.ownedOrganization, "vendor-tfs", "Imported from TFS", true, nil),
            (51_234_987, Self.memberOrganization, "shared-config", "Settings shared by every team", false, nil),
        ]
        let base = Self.date("2015-06-01T10:00:00Z")
        repositories = rows.enumerated().map { index, row in
            RepositoryRecord(
                id: row.0, owner: row.1, name: row.2, description: row.3, isPrivate: row.4, language: row.5,
                createdAt: base.addingTimeInterval(Double(index) * 86_400 * 97))
        }
    }

    /// A migration whose guid follows from its id; it fails when `failing` or when a repository's name
    /// contains `broken`.
    func newMigration(
        id: Int, owner: String, organization: Bool, repositories repos: [RepositoryRecord], flags: MigrationFlags,
        exclude: [String]?, createdAt: Date, duration: Double, failing: Bool = false
    ) -> MigrationRecord {
        var random = SeededRandom(seed: id)
        return MigrationRecord(
            id: id, guid: random.guid(), owner: owner, isOrganization: organization, repositories: repos,
            flags: flags, exclude: exclude, createdAt: createdAt, exportDuration: duration,
            fails: failing || repos.contains { $0.name.lowercased().contains("broken") },
            locked: flags.lockRepositories ? Set(repos.map(\.name)) : [])
    }
}
