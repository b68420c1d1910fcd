/// Walks a tar stream entry by entry without extracting anything, in constant memory.
///
/// Our own reader, so that inspecting an archive needs no library beyond zlib: POSIX ustar, GNU tar
/// and old v7 headers (each checksum checked), pax extended and global headers, GNU long names and
/// link names, old GNU sparse files; every other entry type is passed over by its size, as GNU tar and
/// Python's tarfile do. Bytes arrive through `source` (inflated gzip, in practice) in blocks of any
/// size. Whatever the bytes, the walk ends: each step consumes input, and a stream that ends early is
/// `ArchiveDefect.truncated`, a rule broken `ArchiveDefect.corrupt`.
final class TarReader {
    /// One entry's header, after any pax or GNU long-name header before it has been applied.
    struct Entry: Equatable {
        /// The path inside the archive, control characters replaced.
        var path: String
        /// The file's size: bytes of data it carries, or for a sparse file its size with the holes
        /// (0 for directories, links and devices).
        var size: Int64
        /// True for a regular file (including contiguous and sparse files).
        var isFile: Bool
        /// The type flag byte as written.
        var typeFlag: UInt8
        /// A link's target, control characters replaced; empty for other entries.
        var linkPath: String
    }

    /// The largest pax header or GNU long name read; real ones are a few hundred bytes.
    static let metadataLimit = 1 << 20

    private let source: () throws -> UnsafeRawBufferPointer
    private var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    private var position = 0
    /// Data bytes of the current entry not yet read, and the padding after them.
    private var unread: Int64 = 0
    private var padding = 0
    /// Headers read so far, for the reasons of defects.
    private var headers = 0
    private var ended = false

    /// A reader of the tar bytes that `source` returns, block by block; an empty block ends the stream.
    /// Each block need only stay valid until the next call.
    init(source: @escaping () throws -> UnsafeRawBufferPointer) {
        self.source = source
    }

    /// A reader of the tar that `inflater` produces.
    convenience init(inflater: GzipInflater) {
        self.init(source: inflater.next)
    }

    /// The next entry's header, or nil once the end-of-archive block is read. Any data of the
    /// previous entry that was not read is passed over first.
    func next() throws -> Entry? {
        if ended { return nil }
        try skipData()
        var extended = PaxRecords.none
        var longName: String?
        var longLink: String?
        while true {
            guard let block = try readBlock() else {
                if headers == 0 { throw ArchiveDefect.corrupt("not a tar archive (no data inside the gzip stream)") }
                throw ArchiveDefect.truncated("the tar ends without its end-of-archive block")
            }
            if TarHeader.isZero(block) {
                ended = true
                return nil
            }
            headers += 1
            let header = try TarHeader(block, ordinal: headers)
            switch header.kind {
            case .paxExtended: extended.merge(try PaxRecords(readMetadata(header)))
            case .paxGlobal: _ = try PaxRecords(readMetadata(header))
            case .gnuLongName: longName = TarText.safe(try readMetadata(header).prefix { $0 != 0 })
            case .gnuLongLink: longLink = TarText.safe(try readMetadata(header).prefix { $0 != 0 })
            default:
                if header.sparseExtended { try skipSparseMap() }
                let length = header.carriesData ? (extended.size ?? header.size) : 0
                unread = length
                padding = Self.padding(after: length)
                let kind = header.kind
                return Entry(
                    path: extended.path ?? longName ?? header.path,
                    // A sparse file's apparent size needs no data behind it, so it counts only for
                    // regular files and is summed with saturation wherever it is added up.
                    size: header.isRegularFile ? (extended.sparseSize ?? header.sparseSize ?? length) : length,
                    isFile: header.isRegularFile,
                    typeFlag: header.typeFlag, linkPath: extended.linkPath ?? longLink ?? header.linkPath)
            }
        }
    }

    /// Hands each block of the current entry's data to `body`, then passes over its padding.
    func readData(_ body: (UnsafeRawBufferPointer) -> Void) throws {
        while unread > 0 {
            let block = try take(atMost: unread)
            unread -= Int64(block.count)
            body(block)
        }
        try skipPadding()
    }

    /// Passes over the rest of the current entry's data and its padding (reading it through, which
    /// checks that it arrives).
    func skipData() throws {
        try readData { _ in }
    }

    private func skipPadding() throws {
        while padding > 0 {
            padding -= try take(atMost: Int64(padding)).count
        }
    }

    /// The data of a pax header or a GNU long name, at most `metadataLimit` bytes.
    private func readMetadata(_ header: TarHeader) throws -> [UInt8] {
        guard header.size <= Self.metadataLimit else {
            throw ArchiveDefect.corrupt(
                "a \(header.size)-byte extended header at header \(headers), larger than any real one")
        }
        var data: [UInt8] = []
        data.reserveCapacity(Int(header.size))
        unread = header.size
        padding = Self.padding(after: header.size)
        try readData { data.append(contentsOf: $0) }
        return data
    }

    /// Passes over the extension blocks of an old GNU sparse file's map, each of which says whether
    /// another follows.
    private func skipSparseMap() throws {
        while true {
            guard let block = try readBlock() else { throw ArchiveDefect.truncated("the tar ends inside a sparse map") }
            if block[504] == 0 { return }
        }
    }

    /// The next whole block, nil when the stream ends exactly at a block boundary.
    private func readBlock() throws -> [UInt8]? {
        var block: [UInt8] = []
        block.reserveCapacity(TarHeader.blockSize)
        while block.count < TarHeader.blockSize {
            guard let bytes = try takeIfAny(atMost: Int64(TarHeader.blockSize - block.count)) else {
                if block.isEmpty { return nil }
                throw ArchiveDefect.truncated("the tar ends inside header \(headers + 1)")
            }
            block.append(contentsOf: bytes)
        }
        return block
    }

    /// Up to `limit` bytes of the stream; the stream ending here means the tar was cut short.
    private func take(atMost limit: Int64) throws -> UnsafeRawBufferPointer {
        guard let bytes = try takeIfAny(atMost: limit) else {
            throw ArchiveDefect.truncated("the tar ends inside entry \(headers)")
        }
        return bytes
    }

    /// Up to `limit` (> 0) bytes of the stream, nil at its end.
    private func takeIfAny(atMost limit: Int64) throws -> UnsafeRawBufferPointer? {
        while position == chunk.count {
            chunk = try source()
            position = 0
            if chunk.isEmpty { return nil }
        }
        let count = Int(min(limit, Int64(chunk.count - position)))
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: chunk[position..<(position + count)])
    }

    /// Bytes of zero padding after `length` bytes of data, up to the next block boundary.
    private static func padding(after length: Int64) -> Int {
        let remainder = Int(length % Int64(TarHeader.blockSize))
        return remainder == 0 ? 0 : TarHeader.blockSize - remainder
    }
}
