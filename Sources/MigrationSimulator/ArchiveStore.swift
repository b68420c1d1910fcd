import CZlib
import Foundation
import NIOCore
import Synchronization

/// A built archive and what storage serves with it.
struct ArchiveBlob: Sendable {
    /// The archive, in a buffer whose slices share its storage: a range of a large archive costs no copy.
    let bytes: ByteBuffer
    /// A strong ETag, quoted, as S3 sends.
    let etag: String
    let lastModified: Date
}

/// Archives built once per migration and kept until the archive is deleted.
final class ArchiveStore: Sendable {
    private let blobs = Mutex<[Int: ArchiveBlob]>([:])

    /// The archive of `input.record`, built on first use.
    ///
    /// Building happens outside the lock; two racing builds produce the same bytes, so either may win.
    func blob(for input: ArchiveInput, exportedAt: Date) -> ArchiveBlob {
        if let cached = blobs.withLock({ $0[input.record.id] }) { return cached }
        let bytes = ArchiveBuilder.build(input)
        let blob = ArchiveBlob(
            bytes: ByteBuffer(bytes: bytes),
            etag: Self.etag(bytes),
            lastModified: exportedAt
        )
        return blobs.withLock { blobs in
            if let cached = blobs[input.record.id] { return cached }
            blobs[input.record.id] = blob
            return blob
        }
    }

    /// A strong ETag from zlib's CRC-32 and Adler-32 and the length: C-speed even for the big seeded archive.
    private static func etag(_ bytes: [UInt8]) -> String {
        let (crc, adler) = bytes.withUnsafeBufferPointer { buffer in
            (crc32(0, buffer.baseAddress, uInt(buffer.count)), adler32(1, buffer.baseAddress, uInt(buffer.count)))
        }
        let parts = [UInt64(crc), UInt64(adler), UInt64(bytes.count)].map { String($0, radix: 16).leftPadded(to: 8) }
        return "\"\(parts.joined())\""
    }

    /// Forgets the archive of migration `id`.
    func remove(_ id: Int) {
        _ = blobs.withLock { $0.removeValue(forKey: id) }
    }
}
