import Foundation

extension SimulatorWorld {
    /// A repository on the wire, owner included.
    func wire(_ repository: RepositoryRecord, base: URLBase) -> WireRepository {
        WireRepository(repository, owner: account(repository.owner) ?? viewerAccount, base: base)
    }

    /// A migration on the wire as of `now`.
    func wire(_ record: MigrationRecord, base: URLBase, now: Date, hideRepositories: Bool) -> WireMigration {
        WireMigration(
            record,
            owner: account(record.owner) ?? viewerAccount,
            repositories: record.repositories.map { wire($0, base: base) },
            now: now,
            base: base,
            hideRepositories: hideRepositories
        )
    }

    /// What the archive of `record` is built from.
    func archiveInput(_ record: MigrationRecord) -> ArchiveInput {
        ArchiveInput(record: record, owner: account(record.owner) ?? viewerAccount, viewer: viewerAccount)
    }
}
