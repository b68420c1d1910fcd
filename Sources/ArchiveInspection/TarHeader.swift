/// One 512-byte tar header block, read by the rules of POSIX ustar, GNU tar and old v7 tar.
///
/// Every number is checked: octal fields hold only octal digits, GNU base-256 fields are positive and
/// fit in 63 bits, and the header checksum matches (as an unsigned or, for old writers, a signed sum).
/// A block that breaks a rule is an `ArchiveDefect`, never a trap.
struct TarHeader: Equatable {
    /// The size of a header and the unit that entry data is padded to.
    static let blockSize = 512

    /// The entry types the reader treats specially; any other is skipped by its size, as tar does.
    enum Kind: UInt8 {
        case regular = 0x30  // '0'
        case hardLink = 0x31  // '1'
        case symbolicLink = 0x32  // '2'
        case characterDevice = 0x33  // '3'
        case blockDevice = 0x34  // '4'
        case directory = 0x35  // '5'
        case fifo = 0x36  // '6'
        case contiguous = 0x37  // '7'
        case paxExtended = 0x78  // 'x': pax records for the next entry
        case paxGlobal = 0x67  // 'g': pax records for every later entry
        case gnuLongName = 0x4C  // 'L': the next entry's path
        case gnuLongLink = 0x4B  // 'K': the next entry's link target
        case gnuSparse = 0x53  // 'S': an old GNU sparse file
    }

    /// The type flag byte as written (`0` for the pre-POSIX regular file).
    var typeFlag: UInt8
    /// The path: `prefix/name` for POSIX ustar, `name` otherwise.
    var path: String
    /// The link target of a hard or symbolic link.
    var linkPath: String
    /// The size field: bytes of data after the header for types that carry data.
    var size: Int64
    /// For an old GNU sparse file, whether extension blocks of its map follow the header.
    var sparseExtended: Bool
    /// For an old GNU sparse file, the file's size with its holes (`size` counts the stored data only).
    var sparseSize: Int64?

    /// The known kind. The pre-POSIX NUL type is a regular file, or a directory when its path ends
    /// in `/`, as old writers marked directories.
    var kind: Kind? {
        guard typeFlag == 0 else { return Kind(rawValue: typeFlag) }
        return path.hasSuffix("/") ? .directory : .regular
    }

    /// True for a regular file, contiguous or sparse.
    var isRegularFile: Bool { kind == .regular || kind == .contiguous || kind == .gnuSparse }

    /// Whether data blocks follow this header, by the rule GNU tar and Python's tarfile share: links,
    /// directories, devices and fifos carry none whatever their size field says; every other type does.
    var carriesData: Bool {
        switch kind {
        case .hardLink, .symbolicLink, .characterDevice, .blockDevice, .directory, .fifo: false
        default: true
        }
    }

    /// True when every byte of the block is zero: the end-of-archive marker.
    static func isZero(_ block: [UInt8]) -> Bool {
        block.allSatisfy { $0 == 0 }
    }

    /// Reads a header block.
    /// - Parameters:
    ///   - block: exactly `blockSize` bytes.
    ///   - ordinal: the header's position in the archive, from 1, for the reason of a defect.
    /// - Throws: `ArchiveDefect.corrupt` when the checksum fails or a number is malformed.
    init(_ block: [UInt8], ordinal: Int) throws(ArchiveDefect) {
        precondition(block.count == Self.blockSize, "a tar header is one block")
        guard let stored = Self.number(block[148..<156]), Self.checksumMatches(block, stored: stored) else {
            throw ordinal == 1
                ? .corrupt("not a tar archive (the first header's checksum does not match)")
                : .corrupt("bad tar header checksum at header \(ordinal)")
        }
        guard let size = Self.number(block[124..<136]) else {
            throw .corrupt("bad tar size field at header \(ordinal)")
        }
        typeFlag = block[156]
        linkPath = Self.text(block[157..<257])
        let name = Self.text(block[0..<100])
        // POSIX ustar ("ustar\0") splits long paths into prefix and name; GNU tar ("ustar  \0") keeps
        // other fields there, so its prefix area is not part of the path.
        let isPOSIX = block[257..<263].elementsEqual([0x75, 0x73, 0x74, 0x61, 0x72, 0x00])
        let prefix = isPOSIX ? Self.text(block[345..<500]) : ""
        path = prefix.isEmpty ? name : prefix + "/" + name
        self.size = size
        let isSparse = typeFlag == Kind.gnuSparse.rawValue
        sparseExtended = isSparse && block[482] != 0
        sparseSize = isSparse ? Self.number(block[483..<495]) : nil
    }

    /// A NUL-terminated text field, with control characters replaced so none reaches a terminal.
    static func text(_ field: ArraySlice<UInt8>) -> String {
        let bytes = field.prefix { $0 != 0 }
        return TarText.safe(bytes)
    }

    /// A numeric field: octal digits with optional spaces and NUL around them (empty is 0), or GNU's
    /// base-256 form (first byte 0x80 for a positive value). Nil for anything else, negative values
    /// and values past `Int64.max`.
    static func number(_ field: ArraySlice<UInt8>) -> Int64? {
        guard let first = field.first else { return 0 }
        if first & 0x80 != 0 {
            guard first == 0x80 else { return nil }  // 0xFF starts a negative number; others are invalid
            var value: Int64 = 0
            for byte in field.dropFirst() {
                let shifted = value.multipliedReportingOverflow(by: 256)
                guard !shifted.overflow else { return nil }
                value = shifted.partialValue | Int64(byte)
            }
            return value
        }
        let digits = field.prefix { $0 != 0 }.drop { $0 == 0x20 }
        let trimmed = digits.prefix { $0 != 0x20 }
        guard digits.dropFirst(trimmed.count).allSatisfy({ $0 == 0x20 }) else { return nil }
        var value: Int64 = 0
        for byte in trimmed {
            guard (0x30...0x37).contains(byte) else { return nil }
            let shifted = value.multipliedReportingOverflow(by: 8)
            guard !shifted.overflow else { return nil }
            value = shifted.partialValue + Int64(byte - 0x30)
        }
        return value
    }

    /// The sum of the header's bytes with the checksum field counted as spaces, compared as both an
    /// unsigned sum (the standard) and a signed one (some old writers).
    private static func checksumMatches(_ block: [UInt8], stored: Int64) -> Bool {
        var unsigned: Int64 = 0
        var signed: Int64 = 0
        for (index, byte) in block.enumerated() {
            let value = (148..<156).contains(index) ? 0x20 : byte
            unsigned += Int64(value)
            signed += Int64(Int8(bitPattern: value))
        }
        return stored == unsigned || stored == signed
    }
}
