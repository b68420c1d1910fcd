import Foundation

extension SimulatorWorld {
    /// Finished organization migrations before `now`, dealt to the owned organizations in turn, newest
    /// first: ids fall and creation times go back an hour per round, so each organization's list is
    /// newest first and ids grow with time, as GitHub's do. About one in nine failed.
    ///
    /// `octo-org` keeps the pattern it always had (one repository each, `broken-monolith` failing); the
    /// other organizations get what GitHub Enterprise Importer leaves: two migrations per repository,
    /// one of its Git data and one of its metadata, some covering two repositories.
    mutating func addHistoricalMigrations(_ count: Int, now: Date) {
        let owners = ownedOrganizations
        let spacing = 3_600 / Double(owners.count)
        let owned = owners.map { repositories(ownedBy: $0) }
        let showcase = ["octo-repo", "website", "api-server"].compactMap {
            repository(owner: Self.ownedOrganization, name: $0)
        }
        let broken = repository(owner: Self.ownedOrganization, name: "broken-monolith")!
        for index in 0..<max(0, min(count, SimulatorOptions.maximumHistoricalMigrations)) {
            let slot = index % owners.count
            let round = index / owners.count
            let fails = round % 9 == 4
            let repos: [RepositoryRecord]
            let flags: MigrationFlags
            if slot == 0 {
                repos = fails ? [broken] : [showcase[round % showcase.count]]
                flags = MigrationFlags()
            } else {
                let choices = owned[slot]
                let pair = round / 2
                let first = choices[pair % choices.count]
                repos = pair % 5 == 4 ? [first, choices[(pair + 1) % choices.count]] : [first]
                flags =
                    round % 2 == 0
                    ? MigrationFlags(excludeMetadata: true)
                    : MigrationFlags(excludeGitData: true, excludeOwnerProjects: true)
            }
            var record = newMigration(
                id: 239_000 - index, owner: owners[slot], organization: true, repositories: repos, flags: flags,
                exclude: nil, createdAt: now.addingTimeInterval(-86_400 * 3 - Double(index) * spacing), duration: 40,
                failing: fails)
            record.locked = []
            migrations[record.id] = record
        }
    }
}
