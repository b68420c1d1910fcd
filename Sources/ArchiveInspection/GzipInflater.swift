import CZlib

/// Inflates a gzip file as a stream with zlib, which checks each member's CRC-32 and length.
///
/// Concatenated gzip members are read in turn; zero padding after the last one is allowed, as gzip allows it.
final class GzipInflater {
    /// Bytes of tar produced per call.
    static let outputSize = 128 << 10

    private let source: RawFileReader
    // zlib keeps a pointer back to its stream, so the stream must never move.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: outputSize, alignment: 16)
    private var finished = false
    private var memberStarted = false
    private var members = 0
    /// Tar bytes produced so far.
    private(set) var produced: Int64 = 0

    /// An inflater over `source`.
    init(source: RawFileReader) throws(ArchiveInspectionError) {
        self.source = source
        stream.initialize(to: z_stream())
        // 15 + 16: a gzip wrapper only; zlib then verifies the trailer's CRC-32 and ISIZE.
        guard inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deallocate()
            output.deallocate()
            throw ArchiveInspectionError(.libraryFailed, path: "", detail: "zlib would not start")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    /// The next block of tar bytes, empty once the last member ended; valid until the next call.
    func next() throws -> UnsafeRawBufferPointer {
        while !finished {
            if stream.pointee.avail_in == 0, try !refill() { break }
            if !memberStarted, try !startMember() { break }
            stream.pointee.next_out = output.bindMemory(to: Bytef.self).baseAddress
            stream.pointee.avail_out = uInt(output.count)
            let status = inflate(stream, Z_NO_FLUSH)
            let count = output.count - Int(stream.pointee.avail_out)
            produced += Int64(count)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                memberStarted = false
                members += 1
                inflateReset(stream)
            default:
                throw corrupt(status)
            }
            if count > 0 { return UnsafeRawBufferPointer(rebasing: output[0..<count]) }
        }
        finished = true
        return UnsafeRawBufferPointer(start: nil, count: 0)
    }

    /// Reads to the end of the file, so the last member's CRC and length are checked.
    func drain() throws {
        while !(try next()).isEmpty {}
    }

    /// Gives zlib the next chunk of the file; false at the end of the file between members.
    private func refill() throws -> Bool {
        let chunk = try source.next()
        if chunk.isEmpty {
            if memberStarted || members == 0 { throw endedEarly() }
            return false
        }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: chunk.bindMemory(to: Bytef.self).baseAddress)
        stream.pointee.avail_in = uInt(chunk.count)
        return true
    }

    /// Between members: true when another member follows, false when only zero padding is left.
    private func startMember() throws -> Bool {
        if members == 0 || stream.pointee.next_in.pointee == 0x1F {
            memberStarted = true
            return true
        }
        while true {
            let pending = UnsafeRawBufferPointer(start: stream.pointee.next_in, count: Int(stream.pointee.avail_in))
            if pending.contains(where: { $0 != 0 }) {
                throw ArchiveDefect.corrupt("unexpected bytes after the end of the gzip stream")
            }
            stream.pointee.avail_in = 0
            if try !refill() { return false }
        }
    }

    private func endedEarly() -> ArchiveDefect {
        if source.offset == 0 { return .truncated("the file is empty") }
        return .truncated("the gzip stream ends early, after \(source.offset) bytes")
    }

    private func corrupt(_ status: Int32) -> ArchiveDefect {
        let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        if members == 0, message.contains("header") { return .corrupt("not a gzip file (\(message))") }
        let at = source.offset - Int64(stream.pointee.avail_in)
        return .corrupt("bad gzip data near byte \(at): \(message)")
    }
}
