import CZlib
import Foundation

/// One entry of a tar archive.
struct TarEntry: Equatable {
    let name: String
    let type: UInt8
    let contents: [UInt8]
}

/// Test-side readers for `.tar.gz`, written independently of the simulator's writers.
enum ArchiveReader {
    /// Inflates a gzip stream with zlib; throws on a corrupt or truncated stream.
    static func gunzip(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: accept only a gzip wrapper.
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ArchiveError.corrupt("inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var source = input
        var status = Z_OK
        try source.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while status != Z_STREAM_END {
                let produced = chunk.withUnsafeMutableBufferPointer { buffer -> Int in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return buffer.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END else {
                    throw ArchiveError.corrupt("inflate returned \(status)")
                }
                output += chunk.prefix(produced)
            }
        }
        return output
    }

    /// The entries of a ustar archive.
    static func untar(_ bytes: [UInt8]) throws -> [TarEntry] {
        var entries: [TarEntry] = []
        var offset = 0
        while offset + 512 <= bytes.count {
            let header = Array(bytes[offset..<offset + 512])
            if header.allSatisfy({ $0 == 0 }) { break }
            guard String(decoding: header[257..<262], as: UTF8.self) == "ustar" else {
                throw ArchiveError.corrupt("no ustar magic at \(offset)")
            }
            let name = field(header, 0, 100)
            let prefix = field(header, 345, 155)
            guard let size = Int(field(header, 124, 12).trimmingCharacters(in: .whitespaces), radix: 8) else {
                throw ArchiveError.corrupt("bad size at \(offset)")
            }
            let start = offset + 512
            guard start + size <= bytes.count else { throw ArchiveError.corrupt("truncated entry \(name)") }
            entries.append(
                TarEntry(
                    name: prefix.isEmpty ? name : prefix + "/" + name, type: header[156],
                    contents: Array(bytes[start..<start + size])))
            offset = start + (size + 511) / 512 * 512
        }
        return entries
    }

    private static func field(_ header: [UInt8], _ start: Int, _ length: Int) -> String {
        String(decoding: header[start..<start + length].prefix { $0 != 0 }, as: UTF8.self)
    }
}

/// A malformed archive.
enum ArchiveError: Error {
    case corrupt(String)
}
