import Foundation

extension GitHubClient {
    /// Downloads a migration archive into `directory` and returns the file's URL; see `ArchiveDownloader`.
    ///
    /// The storage URL comes from `archiveURL` and is fetched with no GitHub header at all, whatever
    /// its origin. The download resumes after cuts, renews expired URLs, verifies the archive end to
    /// end and records it in the folder's manifest; an archive already in place is never overwritten.
    /// - Parameter progress: called with bytes on disk and the total when known.
    /// - Throws: `ArchiveDownloadError`.
    public func downloadArchive(
        _ scope: MigrationScope, id: Int64, guid: String, into directory: URL,
        progress: @escaping @Sendable (Int64, Int64?) -> Void = { _, _ in }
    ) async throws -> URL {
        let downloader = ArchiveDownloader(client: self, directory: directory)
        let result = try await downloader.download(scope, id: id, guid: guid) { report in
            if report.phase == .downloading { progress(report.bytes, report.total) }
        }
        return result.file
    }
}
