/// What a path inside a migration archive is, by GitHub's layout.
///
/// Top-level `KIND_NNNNNN.json` files hold records of one kind, `schema.json` the format version,
/// `repositories/OWNER/NAME.git/` a bare repository, `attachments/` uploaded files.
enum ArchivePath: Equatable {
    /// `schema.json`.
    case schema
    /// A numbered JSON file of records, such as `issues` for `issues_000001.json`.
    case records(kind: String)
    /// A file of the repository `OWNER/NAME`.
    case repository(String)
    /// An attachment file.
    case attachment
    /// Anything else.
    case other

    /// Classifies a path, ignoring a leading `./`.
    init(_ rawPath: String) {
        let path = rawPath.hasPrefix("./") ? String(rawPath.dropFirst(2)) : rawPath
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if parts.count == 1 {
            self = Self.topLevel(String(parts[0]))
        } else if parts.first == "repositories", parts.count >= 4 {
            self = .repository(parts[1] + "/" + Self.stripGit(parts[2]))
        } else if parts.first == "attachments" {
            self = .attachment
        } else {
            self = .other
        }
    }

    /// `schema.json`, or `KIND_NNNNNN.json` with a lowercase kind; read by hand, as this runs per entry.
    private static func topLevel(_ name: String) -> ArchivePath {
        if name == "schema.json" { return .schema }
        guard name.hasSuffix(".json") else { return .other }
        let stem = name.utf8.dropLast(".json".count)
        guard let underscore = stem.lastIndex(of: UInt8(ascii: "_")) else { return .other }
        let kind = stem[..<underscore]
        let number = stem[stem.index(after: underscore)...]
        let isKind = kind.first.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) } ?? false
        let kindCharacters = kind.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
        let isNumber = !number.isEmpty && number.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard isKind, kindCharacters, isNumber else { return .other }
        return .records(kind: String(decoding: kind, as: UTF8.self))
    }

    private static func stripGit(_ name: Substring) -> Substring {
        name.hasSuffix(".git") ? name.dropLast(4) : name
    }
}
