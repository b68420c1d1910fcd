import Foundation

/// What an archive is made from: a migration and the accounts it mentions.
struct ArchiveInput: Sendable {
    let record: MigrationRecord
    let owner: AccountRecord
    let viewer: AccountRecord
}

/// Builds a migration's `.tar.gz` the way GitHub lays archives out, deterministically from the migration id.
enum ArchiveBuilder {
    /// Archive content never mentions the simulator's own address, so bytes do not depend on the port.
    static let web = "https://github.com"
    /// 2023-01-01T00:00:00Z: archive dates count from here so they never depend on the clock.
    static let epoch = 1_672_531_200

    /// The gzip-compressed tar of the migration.
    static func build(_ input: ArchiveInput) -> [UInt8] {
        Gzip.compress(tar(input))
    }

    /// The uncompressed tar of the migration.
    static func tar(_ input: ArchiveInput) -> [UInt8] {
        let record = input.record
        var random = SeededRandom(seed: record.id)
        var writer = TarWriter(modificationTime: epoch + record.id % 10_000_000)
        writer.addFile("schema.json", text: #"{"version":"1.0.1"}"#)
        if record.isOrganization { writer.addFile("organizations_000001.json", json(organizations(input))) }
        writer.addFile("users_000001.json", json(users(input)))
        let repositories = record.flags.orgMetadataOnly ? [] : record.repositories
        if !repositories.isEmpty {
            writer.addFile("repositories_000001.json", json(.array(repositories.map(repository))))
        }
        if !record.flags.excludeMetadata && !repositories.isEmpty {
            var metadata = ArchiveMetadata(record: record, viewer: input.viewer)
            for repository in repositories { metadata.add(repository, random: &random) }
            metadata.write(to: &writer)
        }
        if !record.flags.excludeGitData {
            for (index, repository) in repositories.enumerated() {
                let extra = index == 0 ? record.extraPackBytes : 0
                addGitData(repository, extraPackBytes: extra, to: &writer, random: &random)
            }
        }
        return writer.finish()
    }

    /// Pretty-printed JSON, as archive files are meant to be read by people too.
    static func json(_ value: JSONValue) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return Array((try? encoder.encode(value)) ?? Data("[]".utf8))
    }

    /// An archive timestamp `hours` after the epoch, shifted per migration.
    static func date(_ record: MigrationRecord, hours: Int) -> JSONValue {
        let seconds = epoch + (record.id % 500) * 86_400 + hours * 3_600
        return .string(WireJSON.timestamp(Date(timeIntervalSince1970: Double(seconds))))
    }

    private static func organizations(_ input: ArchiveInput) -> JSONValue {
        let org = input.owner
        let member: JSONValue = ["user": .string("\(web)/\(input.viewer.login)"), "role": "admin", "state": "active"]
        return [
            [
                "type": "organization", "url": .string("\(web)/\(org.login)"), "login": .string(org.login),
                "name": .string(org.name), "description": org.description.map(JSONValue.string) ?? .null,
                "website": .null, "location": .null, "email": .null, "members": [member],
                "created_at": .string(WireJSON.timestamp(org.createdAt)),
            ]
        ]
    }

    private static func users(_ input: ArchiveInput) -> JSONValue {
        let user = input.viewer
        let email: JSONValue = ["address": "octocat@github.com", "primary": true, "verified": true]
        return [
            [
                "type": "user", "url": .string("\(web)/\(user.login)"), "login": .string(user.login),
                "name": .string(user.name), "company": "@github", "website": "https://github.blog",
                "location": "San Francisco", "emails": [email],
                "created_at": .string(WireJSON.timestamp(user.createdAt)),
            ]
        ]
    }

    private static func repository(_ record: RepositoryRecord) -> JSONValue {
        let url = "\(web)/\(record.fullName)"
        let labels: [JSONValue] = ["bug", "enhancement", "question"].map { name in
            ["url": .string("\(url)/labels/\(name)"), "name": .string(name), "color": "d73a4a"]
        }
        return [
            "type": "repository", "url": .string(url), "owner": .string("\(web)/\(record.owner)"),
            "name": .string(record.name), "description": record.description.map(JSONValue.string) ?? .null,
            "website": .null, "private": .bool(record.isPrivate), "has_issues": true, "has_wiki": false,
            "has_downloads": true, "labels": .array(labels), "collaborators": [], "webhooks": [],
            "default_branch": "main", "git_url": .string("tarball://root/repositories/\(record.fullName).git"),
            "wiki_url": .null, "public_keys": [], "created_at": .string(WireJSON.timestamp(record.createdAt)),
        ]
    }
}
