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
        let target = directory.appendingPathComponent(fileName)
        do {
            try manifest.encoded().write(to: target, options: .atomic)
        } catch {
            throw ArchiveDownloadError(.fileSystem, "cannot write \(target.path)")
        }
    }
}
