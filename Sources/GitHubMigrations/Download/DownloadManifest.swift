import Foundation

/// `migdash-manifest.json`: the archives migdash brought home into a folder, each verified, with its size and SHA-256.
///
/// A download records its archive here just after the link that puts it in place, so an archive
/// listed with a file of the recorded size on disk is one migdash checked end to end.
public struct DownloadManifest: Sendable, Equatable, Codable {
    /// The manifest's file name, beside the archives.
    public static let fileName = "migdash-manifest.json"

    /// One verified archive.
    public struct Entry: Sendable, Equatable, Codable {
        /// The archive's file name.
        public var name: String
        /// The migration's id.
        public var migrationID: Int64
        /// The organization's login, or `user`.
        public var scope: String
        /// The migration's guid.
        public var guid: String
        /// The file's size in bytes.
        public var size: Int64
        /// SHA-256 of the file, lowercase hex.
        public var sha256: String
        /// When the download finished.
        public var downloadedAt: Date

        /// Creates an entry.
        public init(
            name: String, migrationID: Int64, scope: String, guid: String, size: Int64, sha256: String,
            downloadedAt: Date
        ) {
            self.name = name
            self.migrationID = migrationID
            self.scope = scope
            self.guid = guid
            self.size = size
            self.sha256 = sha256
            self.downloadedAt = downloadedAt
        }

        enum CodingKeys: String, CodingKey {
            case name, scope, guid, size, sha256
            case migrationID = "migration_id"
            case downloadedAt = "downloaded_at"
        }
    }

    /// The format's version.
    public var version = 1
    /// The archives, by name.
    public var archives: [Entry] = []

    /// An empty manifest.
    public init() {}

    /// The size of the file at `path`, to hold against an entry's; nil when there is no such file.
    public static func size(ofFileAt path: String) -> Int64? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value
    }

    /// The entry for a file name.
    public func entry(named name: String) -> Entry? {
        archives.first { $0.name == name }
    }

    /// Adds an entry, replacing any of the same name, and keeps entries sorted by name.
    public mutating func record(_ entry: Entry) {
        archives.removeAll { $0.name == entry.name }
        archives.append(entry)
        archives.sort { $0.name < $1.name }
    }

    /// The largest manifest read: about 25,000 archives' entries. A larger file is not one migdash wrote,
    /// and reading it whole could take the memory of a machine.
    public static let maximumBytes = 8 << 20

    /// The manifest of a folder; empty when there is none.
    /// - Throws: `ArchiveDownloadError.fileSystem` when something is there but is not a manifest: not a
    ///   regular file (a symbolic link is not followed), larger than `maximumBytes`, or not its JSON.
    public static func load(from directory: URL) throws(ArchiveDownloadError) -> DownloadManifest {
        let url = directory.appendingPathComponent(fileName)
        let data: Data
        do {
            data = try BoundedFile.contents(atPath: url.path, limit: maximumBytes, followingLinks: false)
        } catch .missing {
            return DownloadManifest()
        } catch {
            throw ArchiveDownloadError(.fileSystem, "\(url.path) is \(error); move it away")
        }
        do {
            return try decoder.decode(DownloadManifest.self, from: data)
        } catch {
            throw ArchiveDownloadError(.fileSystem, "\(url.path) is not a migdash manifest; fix or remove it")
        }
    }

    /// The encoded manifest: pretty, keys sorted, so it diffs well and reads by hand.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self) + Data("\n".utf8)
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
