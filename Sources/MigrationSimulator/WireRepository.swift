import Foundation

/// A repository as GitHub lists it, with every `*_url` template of the "Simple Repository" schema.
struct WireRepository: Encodable, Sendable {
    /// A key chosen at run time, as the URL templates are a table rather than properties.
    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Suffixes of the API URL templates, relative to the repository's API URL.
    private static let templates: [(String, String)] = [
        ("archive_url", "/{archive_format}{/ref}"), ("assignees_url", "/assignees{/user}"),
        ("blobs_url", "/git/blobs{/sha}"), ("branches_url", "/branches{/branch}"),
        ("collaborators_url", "/collaborators{/collaborator}"), ("comments_url", "/comments{/number}"),
        ("commits_url", "/commits{/sha}"), ("compare_url", "/compare/{base}...{head}"),
        ("contents_url", "/contents/{+path}"), ("contributors_url", "/contributors"),
        ("deployments_url", "/deployments"), ("downloads_url", "/downloads"), ("events_url", "/events"),
        ("forks_url", "/forks"), ("git_commits_url", "/git/commits{/sha}"), ("git_refs_url", "/git/refs{/sha}"),
        ("git_tags_url", "/git/tags{/sha}"), ("hooks_url", "/hooks"),
        ("issue_comment_url", "/issues/comments{/number}"), ("issue_events_url", "/issues/events{/number}"),
        ("issues_url", "/issues{/number}"), ("keys_url", "/keys{/key_id}"), ("labels_url", "/labels{/name}"),
        ("languages_url", "/languages"), ("merges_url", "/merges"), ("milestones_url", "/milestones{/number}"),
        ("notifications_url", "/notifications{?since,all,participating}"), ("pulls_url", "/pulls{/number}"),
        ("releases_url", "/releases{/id}"), ("stargazers_url", "/stargazers"), ("statuses_url", "/statuses/{sha}"),
        ("subscribers_url", "/subscribers"), ("subscription_url", "/subscription"), ("tags_url", "/tags"),
        ("teams_url", "/teams"), ("trees_url", "/git/trees{/sha}"),
    ]

    private let fields: [String: JSONValue]
    private let owner: WireSimpleUser

    /// The repository `record` owned by `owner`, with URLs under `base`.
    init(_ record: RepositoryRecord, owner account: AccountRecord, base: URLBase) {
        let api = base.api("/repos/\(record.fullName)")
        var fields: [String: JSONValue] = [
            "id": .int(record.id), "node_id": .string(record.nodeID), "name": .string(record.name),
            "full_name": .string(record.fullName), "private": .bool(record.isPrivate),
            "html_url": .string(base.web("/\(record.fullName)")),
            "description": record.description.map(JSONValue.string) ?? .null, "fork": false,
            "url": .string(api), "visibility": .string(record.isPrivate ? "private" : "public"),
            "language": record.language.map(JSONValue.string) ?? .null, "default_branch": "main",
            "archived": false, "disabled": false, "size": .int(record.id % 9000 + 120),
            "created_at": .string(WireJSON.timestamp(record.createdAt)),
            "updated_at": .string(WireJSON.timestamp(record.createdAt.addingTimeInterval(86_400 * 30))),
            "pushed_at": .string(WireJSON.timestamp(record.createdAt.addingTimeInterval(86_400 * 29))),
            "clone_url": .string(base.web("/\(record.fullName).git")),
            "git_url": .string("git://\(Self.host(of: base.web))/\(record.fullName).git"),
            "ssh_url": .string("git@\(Self.host(of: base.web)):\(record.fullName).git"),
            "svn_url": .string(base.web("/\(record.fullName)")),
        ]
        for (key, suffix) in Self.templates { fields[key] = .string(api + suffix) }
        self.fields = fields
        self.owner = WireSimpleUser(account, base: base)
    }

    /// Writes the typed fields and the owner into one object.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (key, value) in fields { try container.encode(value, forKey: Key(key)) }
        try container.encode(owner, forKey: Key("owner"))
    }

    private static func host(of web: String) -> String {
        guard let url = URL(string: web), let host = url.host else { return "localhost" }
        return host
    }
}
