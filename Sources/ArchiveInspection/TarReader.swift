import CArchive

/// Walks the tar inside a gzip stream with libarchive, entry by entry, without extracting anything.
///
/// libarchive reads the tar through a callback that pulls inflated bytes from `GzipInflater`, so its
/// header checksums, pax and GNU long names apply, while zlib checks the gzip CRC.
final class TarReader {
    /// One tar entry's header.
    struct Entry {
        /// The path inside the archive.
        var path: String
        /// The entry's data size.
        var size: Int64
        /// True for a regular file.
        var isFile: Bool
    }

    private let archive: OpaquePointer
    private let inflater: GzipInflater
    /// A problem the inflater raised inside a callback, which outranks libarchive's account of it.
    private var defect: (any Error)?

    /// A reader of the tar that `inflater` produces.
    /// - Throws: `ArchiveInspectionError` when libarchive cannot start, `ArchiveDefect` when the first
    ///   bytes already show a problem (libarchive reads them on open, to recognise the format).
    init(inflater: GzipInflater) throws {
        guard let archive = archive_read_new() else {
            throw ArchiveInspectionError(.libraryFailed, path: "", detail: "libarchive would not start")
        }
        self.archive = archive
        self.inflater = inflater
        archive_read_support_format_tar(archive)
        let context = Unmanaged.passUnretained(self).toOpaque()
        // On failure, deinit frees the archive.
        guard archive_read_open(archive, context, nil, Self.read, nil) == ARCHIVE_OK else { throw failure() }
    }

    deinit {
        archive_read_free(archive)
    }

    /// The next entry's header, or nil after the last.
    func next() throws -> Entry? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(archive, &entry)
        if status == ARCHIVE_EOF { return nil }
        guard status >= ARCHIVE_WARN, let entry else { throw failure() }
        let path = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
        // AE_IFREG is a cast macro, which Swift does not import.
        let isFile = archive_entry_filetype(entry) & 0o170000 == 0o100000
        return Entry(path: path, size: archive_entry_size(entry), isFile: isFile)
    }

    /// Hands each block of the current entry's data to `body`.
    func readData(_ body: (UnsafeRawBufferPointer) -> Void) throws {
        var block: UnsafeRawPointer?
        var size = 0
        var offset: la_int64_t = 0
        while true {
            let status = archive_read_data_block(archive, &block, &size, &offset)
            if status == ARCHIVE_EOF { return }
            guard status >= ARCHIVE_WARN else { throw failure() }
            body(UnsafeRawBufferPointer(start: block, count: size))
        }
    }

    /// Passes over the current entry's data (libarchive reads it through, which checks it arrives).
    func skipData() throws {
        guard archive_read_data_skip(archive) >= ARCHIVE_WARN else { throw failure() }
    }

    /// The inflater's problem if it had one, else libarchive's, worded as a verdict.
    private func failure() -> any Error {
        if let defect { return defect }
        let message = archive_error_string(archive).map { String(cString: $0) } ?? "unreadable tar data"
        if message.localizedCaseInsensitiveContains("truncated") {
            return ArchiveDefect.truncated("the tar ends early (\(message))")
        }
        return ArchiveDefect.corrupt("bad tar data (\(message))")
    }

    /// libarchive's read callback: the next inflated block, 0 at the end, -1 on a problem.
    private static let read:
        @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<UnsafeRawPointer?>?)
            -> la_ssize_t = { _, context, buffer in
                guard let context, let buffer else { return -1 }
                let reader = Unmanaged<TarReader>.fromOpaque(context).takeUnretainedValue()
                do {
                    let block = try reader.inflater.next()
                    buffer.pointee = block.baseAddress
                    return block.count
                } catch {
                    reader.defect = error
                    return -1
                }
            }
}
