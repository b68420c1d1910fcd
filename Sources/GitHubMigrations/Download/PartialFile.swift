import ArchiveInspection
import Dispatch
import Foundation
import NIOCore

/// The `.part` file a download appends to, locked so two downloads of one archive never share it.
///
/// Writes go straight to the file descriptor: no buffer grows with the archive, and an interrupted
/// download leaves exactly the bytes that reached the disk, ready to resume from. Every 32 MB a
/// flush starts on a thread of its own, so the flush before the archive is put in place finds little
/// left to write instead of the whole file (a third of a second per 512 MB on this machine's disk).
final class PartialFile {
    /// Bytes written between background flushes.
    static let flushInterval: Int64 = 32 << 20

    /// The file's path.
    let path: String
    private let descriptor: Int32
    private let flushing = DispatchQueue(label: "migdash.download.flush")
    private let flushRunning = SharedFlag()
    private var unflushed: Int64 = 0

    /// Opens (or creates) the file for appending, readable by its owner only, and takes its lock.
    ///
    /// Whatever is found under the name must be a regular file of ours with one link: a symbolic link
    /// is not followed (`O_NOFOLLOW`), so one planted there cannot make the download truncate or write
    /// the file it points at; a FIFO is not waited on (`O_NONBLOCK`); another user's file or a second
    /// name of some other file is refused. A `.part` an older migdash left readable by all is made private.
    init(path: String) throws(ArchiveDownloadError) {
        self.path = path
        descriptor = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw Self.refusal(path, "is not a regular file but a symbolic link") }
            throw Self.failure("cannot open \(path)")
        }
        do throws(ArchiveDownloadError) {
            try Self.checkOwnRegularFile(descriptor, path)
            // A mode, not the umask, decides: the archive holds private repositories.
            guard fchmod(descriptor, 0o600) == 0 else { throw Self.failure("cannot make \(path) private") }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                throw ArchiveDownloadError(.alreadyDownloading, (path as NSString).lastPathComponent)
            }
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// Throws unless the open file is a regular file that this user owns and that has no other name.
    static func checkOwnRegularFile(_ descriptor: Int32, _ path: String) throws(ArchiveDownloadError) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure("cannot examine \(path)") }
        do {
            try BoundedFile.requireRegular(info.st_mode)
        } catch {
            throw refusal(path, "is \(error)")
        }
        guard info.st_uid == geteuid() else { throw refusal(path, "belongs to another user") }
        guard info.st_nlink == 1 else { throw refusal(path, "has other names (hard links)") }
    }

    /// A file in the way that migdash will not touch, in one line.
    static func refusal(_ path: String, _ what: String) -> ArchiveDownloadError {
        ArchiveDownloadError(.fileSystem, "\(path) \(what); migdash leaves it alone, move it away")
    }

    /// Gives up the lock once the download is over (done or failed): the next download of the archive, in
    /// this process or another, must not wait for this object to be freed, which a task still holding it
    /// can put off (a retry in the same process then found the archive "being downloaded").
    func unlock() {
        flushing.sync {}
        flock(descriptor, LOCK_UN)
    }

    deinit {
        // No background flush may still use the descriptor when it is closed.
        flushing.sync {}
        close(descriptor)
    }

    /// Bytes in the file now.
    var size: Int64 {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int64(info.st_size) : 0
    }

    /// Empties the file, for a download that starts again from the first byte.
    func truncate() throws(ArchiveDownloadError) {
        guard ftruncate(descriptor, 0) == 0 else { throw Self.failure("cannot truncate \(path)") }
    }

    /// Appends a buffer; a full disk is `diskFull`, and the bytes already written stay.
    func append(_ buffer: ByteBuffer) throws(ArchiveDownloadError) {
        var failure: ArchiveDownloadError?
        buffer.withUnsafeReadableBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = Self.failure("cannot write \(path)")
                    return
                }
                offset += written
            }
        }
        if let failure { throw failure }
        unflushed += Int64(buffer.readableBytes)
        if unflushed >= Self.flushInterval { flushBehind() }
    }

    /// Starts writing the bytes so far to the disk without waiting, unless a flush is still running.
    private func flushBehind() {
        guard !flushRunning.testAndSet() else { return }
        unflushed = 0
        flushing.async { [descriptor, flushRunning] in
            fdatasync(descriptor)
            flushRunning.clear()
        }
    }

    /// Flushes the file to the disk.
    func sync() throws(ArchiveDownloadError) {
        guard fsync(descriptor) == 0 else { throw Self.failure("cannot flush \(path)") }
    }

    /// The error for the current `errno`: `diskFull` for ENOSPC and EDQUOT, else `fileSystem`.
    static func failure(_ what: String) -> ArchiveDownloadError {
        let code = errno
        let reason = String(cString: strerror(code))
        if code == ENOSPC || code == EDQUOT { return ArchiveDownloadError(.diskFull, "\(what): \(reason)") }
        return ArchiveDownloadError(.fileSystem, "\(what): \(reason)")
    }
}
