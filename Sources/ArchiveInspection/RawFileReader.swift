import Dispatch
import Foundation

/// Reads a file front to back in fixed chunks and hashes every byte with SHA-256 on a second thread
/// (a `HashWorker`, at background priority). Given a `FileGrowth`, it follows a file still being
/// written: at the end of the bytes so far it waits for more, until the writer says the file is whole.
///
/// Two buffers take turns: while the caller inflates one chunk, the hash thread works through it
/// too, and the next read goes into the other buffer. A buffer is refilled only once its previous
/// chunk is hashed, so memory stays at two chunks whatever the file's size, and hashing (the slowest
/// step) overlaps with inflating and walking the tar instead of adding to them.
final class RawFileReader {
    /// Bytes read per chunk: enough to keep system calls rare, little enough to keep memory small.
    static let chunkSize = 256 << 10

    private let descriptor: Int32
    private let path: String
    private let buffers: [UnsafeMutableRawBufferPointer]
    /// One per buffer, signalled once that buffer's last chunk is hashed.
    private let hashed = [DispatchSemaphore(value: 1), DispatchSemaphore(value: 1)]
    private let hasher: HashWorker
    /// The digest, once `digest()` has waited for it; the worker has then ended.
    private var finalDigest: String?
    private var turn = 0
    /// Bytes read so far.
    private(set) var offset: Int64 = 0
    /// True once a read returned nothing.
    private(set) var atEnd = false
    /// The file's size when it was opened.
    private let openedSize: Int64
    /// The writer's progress, for a file still being written.
    private let growth: FileGrowth?
    /// The file's size: as opened, or as far as its writer has got.
    var size: Int64 { growth?.bytes ?? openedSize }
    /// Called after each chunk with the bytes read so far; it may throw to stop the read.
    var observer: (Int64) throws -> Void = { _ in }

    /// Opens `path` for reading; `growth` follows a file being written.
    init(path: String, growth: FileGrowth? = nil) throws(ArchiveInspectionError) {
        self.path = path
        self.growth = growth
        // O_NONBLOCK: a FIFO under an archive's name must not hold the open (or the dashboard) for ever.
        descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw ArchiveInspectionError(.unreadable, path: path, detail: String(cString: strerror(errno)))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw ArchiveInspectionError(.unreadable, path: path, detail: "not a regular file")
        }
        openedSize = Int64(status.st_size)
        buffers = (0..<2).map { _ in .allocate(byteCount: Self.chunkSize, alignment: 16) }
        // Started last: an initializer that throws never runs `deinit`, which is what stops the worker.
        hasher = HashWorker()
    }

    deinit {
        // No hash may still be reading a buffer when it is freed.
        if finalDigest == nil { hasher.stop() }
        close(descriptor)
        buffers.forEach { $0.deallocate() }
    }

    /// The next chunk, empty at the end of the file; valid until the call after next.
    func next() throws -> UnsafeRawBufferPointer {
        guard !atEnd else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let index = turn % 2
        hashed[index].wait()
        var count: Int
        do {
            while true {
                count = read(descriptor, buffers[index].baseAddress, Self.chunkSize)
                if count < 0 && errno == EINTR { continue }
                if count == 0, try awaitGrowth() { continue }
                break
            }
        } catch {
            hashed[index].signal()
            throw error
        }
        guard count > 0 else {
            hashed[index].signal()
            if count == 0 {
                atEnd = true
                return UnsafeRawBufferPointer(start: nil, count: 0)
            }
            throw ArchiveInspectionError(.readFailed, path: path, detail: String(cString: strerror(errno)))
        }
        let chunk = UnsafeRawBufferPointer(rebasing: buffers[index][0..<count])
        hasher.hash(chunk, then: hashed[index])
        turn += 1
        offset += Int64(count)
        try observer(offset)
        return chunk
    }

    /// At the end of the bytes so far: true when the writer has added more since, false at the end of
    /// the file. Throws `CancellationError` when the writer abandoned the file, and `readFailed` when
    /// the file holds fewer bytes than its writer says (emptied behind the writer's back), rather than
    /// spinning on reads that return nothing.
    private func awaitGrowth() throws -> Bool {
        guard let growth else { return false }
        switch growth.wait(beyond: offset) {
        case .readable(let written):
            var status = stat()
            guard fstat(descriptor, &status) == 0, Int64(status.st_size) > offset else {
                throw ArchiveInspectionError(
                    .readFailed, path: path, detail: "the file holds fewer bytes than the \(written) written")
            }
            return true
        case .finished: return false
        case .abandoned: throw CancellationError()
        }
    }

    /// The SHA-256 of everything read, as lowercase hex, waiting for the hash thread to catch up.
    func digest() -> String {
        if let finalDigest { return finalDigest }
        let digest = hasher.finish()
        finalDigest = digest
        return digest
    }
}
