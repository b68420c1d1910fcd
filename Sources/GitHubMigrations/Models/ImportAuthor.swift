/// A commit author found by a source import, which can be mapped to a GitHub identity.
public struct ImportAuthor: Codable, Sendable, Hashable, Identifiable {
    /// The author's id, used by `since` and by the mapping call.
    public var id: Int64
    /// The author's identifier in the original repository.
    public var remoteID: String?
    /// The author's name in the original repository.
    public var remoteName: String?
    /// The email the author will have on GitHub.
    public var email: String?
    /// The name the author will have on GitHub.
    public var name: String?
    /// The API URL of this author.
    public var url: String?
    /// The API URL of the import.
    public var importURL: String?

    enum CodingKeys: String, CodingKey {
        case id, email, name, url
        case remoteID = "remote_id"
        case remoteName = "remote_name"
        case importURL = "import_url"
    }
}

/// A file over 100 MB found by a source import.
public struct LargeFile: Codable, Sendable, Hashable {
    /// The ref the file is on.
    public var refName: String
    /// The file's path.
    public var path: String
    /// The file's object id.
    public var oid: String
    /// The file's size in bytes.
    public var size: Int64

    enum CodingKeys: String, CodingKey {
        case path, oid, size
        case refName = "ref_name"
    }
}
