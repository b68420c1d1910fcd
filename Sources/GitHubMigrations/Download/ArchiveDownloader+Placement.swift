import ArchiveInspection
import ArchiveModel
import Foundation

extension ArchiveDownloader {
    /// The archive's final path: a name built from a checked login and guid, and a direct child of the folder.
    func destination(_ scope: MigrationScope, id: Int64, guid: String) throws(ArchiveDownloadError) -> URL {
        let name = try ArchiveFileName.name(scope, id: id, guid: guid)
        let final = directory.appendingPathComponent(name)
        // The checked character sets already rule out `/` and `..`; this holds even if they change.
        guard !name.contains("/"), name != "..",
            final.deletingLastPathComponent().standardizedFileURL.path == directory.standardizedFileURL.path
        else { throw ArchiveDownloadError(.unsafeName, "the archive's name would leave \(directory.path)") }
        return final
    }

    /// Whether something already has the archive's name. Only a regular file of this user's counts;
    /// anything else there (a FIFO, a link, a folder, another user's file) is refused, never opened.
    func isTaken(_ final: URL) throws(ArchiveDownloadError) -> Bool {
        var info = stat()
        guard lstat(final.path, &info) == 0 else {
            guard errno == ENOENT else { throw PartialFile.failure("cannot examine \(final.path)") }
            return false
        }
        do {
            try BoundedFile.requireRegular(info.st_mode)
        } catch {
            throw PartialFile.refusal(final.path, "is \(error)")
        }
        guard info.st_uid == geteuid() else { throw PartialFile.refusal(final.path, "belongs to another user") }
        return true
    }

    /// Reads the folder's manifest before the first byte is transferred, so a broken one stops the
    /// download at once rather than after the whole archive has arrived.
    func checkManifest() throws(ArchiveDownloadError) {
        _ = try DownloadManifest.load(from: directory)
    }

    /// Records an archive that is already in place; a failure says so, because the archive stays.
    func record(_ entry: DownloadManifest.Entry, placedAt final: URL) throws(ArchiveDownloadError) {
        do {
            try DownloadManifest.update(in: directory) { $0.record(entry) }
        } catch {
            throw ArchiveDownloadError(
                .manifestNotUpdated, "\(final.path) is verified and in place, but \(error.detail)")
        }
    }

    /// Moves the verified partial file to its final name without ever replacing a file there.
    ///
    /// A hard link fails when the name is taken, which `rename` would silently overwrite; file systems
    /// without hard links fall back to a checked rename.
    func place(_ part: PartialFile, at final: URL) throws(ArchiveDownloadError) {
        if link(part.path, final.path) == 0 {
            unlink(part.path)
        } else if errno == EEXIST {
            throw ArchiveDownloadError(.existingArchiveDiffers, "\(final.lastPathComponent) appeared meanwhile")
        } else {
            guard !FileManager.default.fileExists(atPath: final.path) else {
                throw ArchiveDownloadError(.existingArchiveDiffers, "\(final.lastPathComponent) appeared meanwhile")
            }
            guard rename(part.path, final.path) == 0 else { throw PartialFile.failure("cannot rename \(part.path)") }
        }
        // Make the new name itself durable, not only the bytes.
        let folder = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// An archive already in place: fine when the manifest vouches for it (or, with no entry, when it
    /// reads whole and is then recorded); otherwise an error that leaves it untouched.
    func existing(_ final: URL, scope: MigrationScope, id: Int64, guid: String) async throws
        -> ArchiveDownloadResult
    {
        let name = final.lastPathComponent
        let size = DownloadManifest.size(ofFileAt: final.path)
        if let entry = try DownloadManifest.load(from: directory).entry(named: name) {
            guard entry.size == size else {
                throw ArchiveDownloadError(
                    .existingArchiveDiffers,
                    "\(name) is \(size ?? 0) bytes but the manifest records \(entry.size)")
            }
            return ArchiveDownloadResult(
                file: final, outcome: .alreadyPresent, entry: entry, report: nil,
                statistics: ArchiveDownloadStatistics())
        }
        let report: ArchiveReport
        do {
            report = try await ArchiveInspector.inspect(final)
        } catch let error as ArchiveInspectionError {
            throw ArchiveDownloadError(.fileSystem, error.userMessage)
        }
        guard report.verdict.isIntact, let sha256 = report.sha256 else {
            throw ArchiveDownloadError(
                .existingArchiveDiffers, "\(name) is there but is not a sound archive (\(report.verdict.summary))")
        }
        let entry = DownloadManifest.Entry(
            name: name, migrationID: id, scope: scope.description, guid: guid, size: report.compressedBytes,
            sha256: sha256, downloadedAt: Self.wholeSeconds(client.configuration.now()))
        try DownloadManifest.update(in: directory) { $0.record(entry) }
        return ArchiveDownloadResult(
            file: final, outcome: .alreadyPresent, entry: entry, report: report, statistics: ArchiveDownloadStatistics()
        )
    }
}
