/// A minimal ustar writer: regular files and directories, enough for a migration archive.
struct TarWriter {
    private(set) var bytes: [UInt8] = []
    /// Modification time stamped on every entry, fixed so archives are byte-for-byte reproducible.
    let modificationTime: Int

    /// A writer whose entries carry `modificationTime` (UTC epoch seconds).
    init(modificationTime: Int) {
        self.modificationTime = modificationTime
    }

    /// Adds a directory entry; `path` gets a trailing `/` if it lacks one.
    mutating func addDirectory(_ path: String) {
        let name = path.hasSuffix("/") ? path : path + "/"
        appendHeader(path: name, size: 0, type: UInt8(ascii: "5"), mode: "0000755")
    }

    /// Adds a regular file.
    mutating func addFile(_ path: String, _ contents: [UInt8]) {
        // Room for the padding and the end blocks too, so a big last file is copied in once; growing
        // at least geometrically, so many small files after a big one do not copy it each time.
        let needed = bytes.count + 512 + contents.count + 512 + 1024
        if bytes.capacity < needed { bytes.reserveCapacity(max(needed, bytes.capacity + bytes.capacity / 4)) }
        appendHeader(path: path, size: contents.count, type: UInt8(ascii: "0"), mode: "0000644")
        bytes += contents
        let remainder = contents.count % 512
        if remainder != 0 { bytes += [UInt8](repeating: 0, count: 512 - remainder) }
    }

    /// Adds a UTF-8 text file.
    mutating func addFile(_ path: String, text: String) {
        addFile(path, Array(text.utf8))
    }

    /// Ends the archive with two zero blocks and returns it.
    mutating func finish() -> [UInt8] {
        bytes += [UInt8](repeating: 0, count: 1024)
        return bytes
    }

    private mutating func appendHeader(path: String, size: Int, type: UInt8, mode: String) {
        var block = [UInt8](repeating: 0, count: 512)
        let (prefix, name) = Self.split(path)
        Self.put(name, into: &block, at: 0, width: 100)
        Self.put(mode, into: &block, at: 100, width: 8)
        Self.put("0001750", into: &block, at: 108, width: 8)
        Self.put("0001750", into: &block, at: 116, width: 8)
        Self.put(Self.octal(size, digits: 11), into: &block, at: 124, width: 12)
        Self.put(Self.octal(modificationTime, digits: 11), into: &block, at: 136, width: 12)
        Self.put("        ", into: &block, at: 148, width: 8)
        block[156] = type
        Self.put("ustar", into: &block, at: 257, width: 6)
        Self.put("00", into: &block, at: 263, width: 2)
        Self.put("git", into: &block, at: 265, width: 32)
        Self.put("git", into: &block, at: 297, width: 32)
        Self.put(prefix, into: &block, at: 345, width: 155)
        let checksum = block.reduce(0) { $0 + Int($1) }
        Self.put(Self.octal(checksum, digits: 6) + "\0 ", into: &block, at: 148, width: 8)
        bytes += block
    }

    /// Splits a long path into ustar's `prefix` and `name` at a `/`.
    private static func split(_ path: String) -> (prefix: String, name: String) {
        let utf8 = Array(path.utf8)
        guard utf8.count > 100 else { return ("", path) }
        for index in utf8.indices.reversed() where utf8[index] == UInt8(ascii: "/") {
            let prefix = utf8[..<index]
            let name = utf8[(index + 1)...]
            if prefix.count <= 155, name.count <= 100, !name.isEmpty {
                return (String(decoding: prefix, as: UTF8.self), String(decoding: name, as: UTF8.self))
            }
        }
        return ("", String(decoding: utf8.prefix(100), as: UTF8.self))
    }

    private static func octal(_ value: Int, digits: Int) -> String {
        String(value, radix: 8).leftPadded(to: digits)
    }

    private static func put(_ text: String, into block: inout [UInt8], at offset: Int, width: Int) {
        for (index, byte) in text.utf8.prefix(width).enumerated() { block[offset + index] = byte }
    }
}
