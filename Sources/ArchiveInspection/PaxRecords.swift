/// The records of a pax extended header (`LENGTH KEY=VALUE\n`, LENGTH counting the whole record),
/// as POSIX defines them, checked record by record.
struct PaxRecords: Equatable {
    /// The records that change how the next entry is read.
    var path: String?
    var linkPath: String?
    var size: Int64?
    /// A GNU sparse file's size with its holes (`size` counts the stored data only).
    var sparseSize: Int64?

    /// No records.
    static let none = PaxRecords()

    private init() {}

    /// Reads the records in `data`; NUL padding after the last record is allowed.
    /// - Throws: `ArchiveDefect.corrupt` for a malformed record or an invalid size.
    init(_ data: [UInt8]) throws(ArchiveDefect) {
        var start = 0
        while start < data.count, data[start] != 0 {
            guard let space = data[start...].firstIndex(of: 0x20),
                let length = Self.decimal(data[start..<space]), length > space - start + 1,
                length <= data.count - start
            else { throw .corrupt("a malformed pax header record") }
            let end = start + length
            let record = data[(space + 1)..<(end - 1)]
            guard data[end - 1] == 0x0A, let equals = record.firstIndex(of: 0x3D) else {
                throw .corrupt("a malformed pax header record")
            }
            try apply(key: String(decoding: record[..<equals], as: UTF8.self), value: record[(equals + 1)...])
            start = end
        }
        guard data[start...].allSatisfy({ $0 == 0 }) else { throw .corrupt("a malformed pax header record") }
    }

    /// These records over `self`: a later pax header for the same entry wins key by key.
    mutating func merge(_ later: PaxRecords) {
        path = later.path ?? path
        linkPath = later.linkPath ?? linkPath
        size = later.size ?? size
        sparseSize = later.sparseSize ?? sparseSize
    }

    /// Takes the keys that matter to reading the archive; other keys (times, owners, xattrs) are ignored.
    private mutating func apply(key: String, value: ArraySlice<UInt8>) throws(ArchiveDefect) {
        switch key {
        case "path", "GNU.sparse.name":
            path = TarText.safe(value)
        case "linkpath":
            linkPath = TarText.safe(value)
        case "size":
            size = try Self.size(value)
        case "GNU.sparse.realsize", "GNU.sparse.size":
            sparseSize = try Self.size(value)
        default:
            break
        }
    }

    private static func size(_ value: ArraySlice<UInt8>) throws(ArchiveDefect) -> Int64 {
        guard let number = decimal(value) else { throw .corrupt("a pax size that is not a number") }
        return Int64(number)
    }

    /// A non-negative decimal number of at most 18 digits (so it fits any Int), or nil.
    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
