import Foundation

/// A migration with every field of the documented schema.
struct WireMigration: Encodable, Sendable {
    let id: Int
    let owner: WireSimpleUser
    let guid: String
    let state: String
    let lockRepositories: Bool
    let excludeMetadata: Bool
    let excludeGitData: Bool
    let excludeAttachments: Bool
    let excludeReleases: Bool
    let excludeOwnerProjects: Bool
    let orgMetadataOnly: Bool
    let repositories: [WireRepository]
    let url: String
    let createdAt: String
    let updatedAt: String
    let nodeID: String
    /// Left out until exported; `null` when the migration was started with `exclude: ["repositories"]`,
    /// as a real recorded response had it.
    let archiveURL: Nullable<String>?
    let exclude: [String]?

    /// The migration `record` as seen at `now`; `hideRepositories` empties `repositories` for `?exclude=`.
    init(
        _ record: MigrationRecord,
        owner: AccountRecord,
        repositories: [WireRepository],
        now: Date,
        base: URLBase,
        hideRepositories: Bool
    ) {
        let state = record.state(at: now)
        let url = base.api(record.apiPath)
        id = record.id
        self.owner = WireSimpleUser(owner, base: base)
        guid = record.guid
        self.state = state.rawValue
        lockRepositories = record.flags.lockRepositories
        excludeMetadata = record.flags.excludeMetadata
        excludeGitData = record.flags.excludeGitData
        excludeAttachments = record.flags.excludeAttachments
        excludeReleases = record.flags.excludeReleases
        excludeOwnerProjects = record.flags.excludeOwnerProjects
        orgMetadataOnly = record.flags.orgMetadataOnly
        self.repositories = hideRepositories || record.excludesRepositories ? [] : repositories
        self.url = url
        createdAt = WireJSON.timestamp(record.createdAt)
        updatedAt = WireJSON.timestamp(record.updatedAt(at: now))
        nodeID = NodeID.make("Migration", record.id)
        if state == .exported {
            archiveURL = Nullable(wrappedValue: record.excludesRepositories ? nil : url + "/archive")
        } else {
            archiveURL = nil
        }
        exclude = record.exclude
    }
}
