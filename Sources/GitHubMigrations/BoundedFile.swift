import Foundation

/// A local file read whole, within a size bound, and only when it is a regular file.
///
/// migdash reads files that other programs or people write (its configuration, themes, gh's
/// `hosts.yml`, the download folder's manifest). A FIFO or a device in such a place is refused at once
/// instead of waited on for ever (`O_NONBLOCK` keeps even the `open` from blocking), and a file too
/// large to be what it claims to be is refused instead of read into memory.
public enum BoundedFile {
    /// Why a file could not be read, in words that follow the file's path.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Nothing is there.
        case missing
        /// A directory is there.
        case directory
        /// Something else than a regular file is there: `a FIFO`, `a device`, `a socket`, `a symbolic link`.
        case notRegular(String)
        /// The file holds more than `limit` bytes.
        case tooLarge(limit: Int)
        /// `open` or `read` failed, for the reason given.
        case unreadable(String)

        /// What the file is, to follow "PATH is": `a directory`, `not a regular file but a FIFO`,
        /// `larger than 1 MiB`, `unreadable: permission denied`.
        public var description: String {
            switch self {
            case .missing: "missing"
            case .directory: "a directory"
            case .notRegular(let kind): "not a regular file but \(kind)"
            case .tooLarge(let limit): "larger than \(BoundedFile.size(limit))"
            case .unreadable(let reason): "unreadable: \(reason)"
            }
        }
    }

    /// The bytes of the file at `path`, at most `limit` of them. With `followingLinks` false, a
    /// symbolic link in the file's place is refused rather than followed.
    public static func contents(atPath path: String, limit: Int, followingLinks: Bool = true) throws(Failure) -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw .missing }
            if code == ELOOP, !followingLinks { throw .notRegular("a symbolic link") }
            throw .unreadable(reason(code))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(reason(errno)) }
        try requireRegular(info.st_mode)
        guard info.st_size <= limit else { throw .tooLarge(limit: limit) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        // The file may grow while it is read: the bound holds for what is read, not only for `st_size`.
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason(errno))
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
            guard data.count <= limit else { throw .tooLarge(limit: limit) }
        }
    }

    /// Throws unless `mode` (a `stat`'s `st_mode`) is a regular file's.
    public static func requireRegular(_ mode: mode_t) throws(Failure) {
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw .directory
        case S_IFIFO: throw .notRegular("a FIFO")
        case S_IFLNK: throw .notRegular("a symbolic link")
        case S_IFSOCK: throw .notRegular("a socket")
        default: throw .notRegular("a device")
        }
    }

    /// `1 MiB`, `8 MiB`, or bytes for a bound that is not a whole number of MiB.
    static func size(_ bytes: Int) -> String {
        bytes > 0 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    /// `no such file or directory`: strerror's words, lower-cased as the rest of a line is.
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
