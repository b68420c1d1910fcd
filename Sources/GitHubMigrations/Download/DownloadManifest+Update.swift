import Foundation

extension DownloadManifest {
    /// Reads, changes and writes back a folder's manifest under a lock on the folder, so downloads in
    /// this process and in other migdash processes never lose each other's entries. The new file
    /// replaces the old one atomically, so a reader never sees half a manifest.
    public static func update(in directory: URL, _ change: (inout DownloadManifest) -> Void)
        throws(ArchiveDownloadError)
    {
        let lock = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0 else { throw PartialFile.failure("cannot open \(directory.path)") }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw PartialFile.failure("cannot lock \(directory.path)") }
        }
        var manifest = try load(from: directory)
        change(&manifest)
        let data: Data
        do {
            data = try manifest.encoded()
        } catch {
            throw ArchiveDownloadError(.fileSystem, "cannot encode the manifest")
        }
        try replace(directory.appendingPathComponent(fileName), with: data)
    }

    /// Writes `data` to a new file beside `target`, readable by its owner only whatever the umask, and
    /// renames it over `target`. Only a holder of the folder's lock calls this, so the temporary name
    /// is free but for a file a crash left, which goes; `O_EXCL` and `O_NOFOLLOW` make sure a planted
    /// file or link under that name is never written through.
    private static func replace(_ target: URL, with data: Data) throws(ArchiveDownloadError) {
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(fileName).new").path
        unlink(temporary)
        let file = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard file >= 0 else { throw PartialFile.failure("cannot write \(temporary)") }
        var written = 0
        let failure: ArchiveDownloadError? = data.withUnsafeBytes { bytes in
            guard fchmod(file, 0o600) == 0 else { return PartialFile.failure("cannot write \(temporary)") }
            while written < bytes.count {
                let count = write(file, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return PartialFile.failure("cannot write \(temporary)")
                }
                written += count
            }
            return fsync(file) == 0 ? nil : PartialFile.failure("cannot flush \(temporary)")
        }
        close(file)
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, target.path) == 0 else {
            let error = PartialFile.failure("cannot replace \(target.path)")
            unlink(temporary)
            throw error
        }
    }
}
