import CZlib

/// gzip compression through zlib, for archive files.
enum Gzip {
    /// Inputs above this size are stored rather than compressed, so a multi-gigabyte benchmark archive
    /// builds at memory speed; its Git data is random and would not compress anyway.
    static let storeAbove = 64 << 20

    /// `input` as a gzip member (RFC 1952). The header's mtime is 0, so output depends on input alone.
    static func compress(_ input: [UInt8], level: Int32 = Z_DEFAULT_COMPRESSION) -> [UInt8] {
        let level = input.count > storeAbove ? Z_NO_COMPRESSION : level
        var stream = z_stream()
        // windowBits 15 + 16 asks zlib for a gzip wrapper instead of a zlib one.
        let initStatus = deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        precondition(initStatus == Z_OK, "zlib refused to initialise: \(initStatus)")
        defer { deflateEnd(&stream) }
        let capacity = Int(deflateBound(&stream, uLong(input.count))) + 64
        var status = Z_OK
        // Uninitialised: zlib writes every byte that is kept, and zeroing gigabytes first would cost a second.
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { destination, initialized in
            input.withUnsafeBufferPointer { source in
                // zlib never writes through next_in; its header only lacks the const.
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = uInt(destination.count)
                status = deflate(&stream, Z_FINISH)
            }
            initialized = Int(stream.total_out)
        }
        precondition(status == Z_STREAM_END, "deflate did not finish: \(status)")
        return output
    }
}
