import ArchiveInspection
import ArchiveModel
import Foundation

/// Brings a migration archive home intact, however often the connection breaks on the way.
///
/// It asks the API for the signed storage URL without following the redirect, and fetches that URL
/// with no GitHub credential or header at all. Bytes stream to `NAME.part` in constant memory;
/// after a cut, a 5xx or a stall it resumes with `Range` from the bytes on disk, and after the
/// storage refuses an expired URL it asks the API for a fresh one. Once the size announced by
/// `Content-Length` or `Content-Range` is on disk and has been read whole (SHA-256, gzip CRC and
/// length, every tar header: checked by an `ArchiveFollower` while the bytes arrive), it is recorded
/// in `migdash-manifest.json` and moved to its final name with a no-clobber link. An archive already
/// in place is never touched.
public struct ArchiveDownloader: Sendable {
    /// The client whose API issues the storage URLs.
    public let client: GitHubClient
    /// Where archives and the manifest go.
    public let directory: URL
    /// Retry budget and free-space source.
    public var options: ArchiveDownloadOptions

    /// A downloader into `directory`.
    public init(client: GitHubClient, directory: URL, options: ArchiveDownloadOptions = .init()) {
        self.client = client
        self.directory = directory
        self.options = options
    }

    /// Downloads a migration's archive, or finds it already in place.
    /// - Parameter progress: called for each block written, then as verification reads what is left.
    /// - Throws: `ArchiveDownloadError`, or `CancellationError` (the partial file stays for a resume).
    public func download(
        _ scope: MigrationScope, id: Int64, guid: String,
        progress: @escaping @Sendable (ArchiveDownloadProgress) -> Void = { _ in }
    ) async throws -> ArchiveDownloadResult {
        let final = try destination(scope, id: id, guid: guid)
        try createDirectory()
        try checkManifest()
        if try isTaken(final) {
            return try await existing(final, scope: scope, id: id, guid: guid)
        }
        let part = try PartialFile(
            path: directory.appendingPathComponent(ArchiveFileName.partial(final.lastPathComponent)).path)
        defer { part.unlock() }
        do {
            return try await transfer(scope, id: id, guid: guid, into: part, final: final, progress: progress)
        } catch {
            // A partial file worth resuming stays; an empty one (the API said no, say) goes.
            if part.size == 0 { unlink(part.path) }
            throw error
        }
    }

    /// Downloads until the partial file verifies, then records and places it.
    private func transfer(
        _ scope: MigrationScope, id: Int64, guid: String, into part: PartialFile, final: URL,
        progress: @escaping @Sendable (ArchiveDownloadProgress) -> Void
    ) async throws -> ArchiveDownloadResult {
        let name = final.lastPathComponent
        var session = DownloadSession()
        session.furthest = part.size
        defer { session.follower?.abandon() }
        while true {
            try await fetch(scope, id: id, into: part, session: &session, progress: progress)
            try part.sync()
            let report = try await follow(part, session: &session, progress: progress).report()
            session.follower = nil
            if report.verdict.isIntact, let sha256 = report.sha256 {
                let entry = DownloadManifest.Entry(
                    name: name, migrationID: id, scope: scope.description, guid: guid, size: report.compressedBytes,
                    sha256: sha256, downloadedAt: Self.wholeSeconds(client.configuration.now()))
                // In place first: the manifest must never vouch for a name that holds someone else's
                // file. An archive placed but not yet recorded is recorded by the next run.
                try place(part, at: final)
                try record(entry, placedAt: final)
                return ArchiveDownloadResult(
                    file: final, outcome: .downloaded, entry: entry, report: report, statistics: session.statistics)
            }
            session.badVerifications += 1
            guard session.badVerifications < 2 else {
                try part.truncate()
                throw ArchiveDownloadError(.corruptArchive, report.verdict.summary)
            }
            // Bytes on disk that do not make an archive came from somewhere else: start over once.
            try startOver(part, session: &session)
            session.total = nil
            session.etag = nil
        }
    }

    /// The reader verifying the partial file; started on the file as it stands when there is none.
    func follow(
        _ part: PartialFile, session: inout DownloadSession,
        progress: @escaping @Sendable (ArchiveDownloadProgress) -> Void
    ) -> ArchiveFollower {
        if let follower = session.follower { return follower }
        let follower = ArchiveFollower(path: part.path, written: part.size, progress: progress)
        session.follower = follower
        return follower
    }

    /// Empties the partial file to start from the first byte again, stopping the reader that followed it.
    func startOver(_ part: PartialFile, session: inout DownloadSession) throws(ArchiveDownloadError) {
        session.follower?.abandon()
        session.follower = nil
        try part.truncate()
        session.statistics.restarts += 1
    }

    /// Requests until the partial file holds the whole archive, within the retry budget.
    private func fetch(
        _ scope: MigrationScope, id: Int64, into part: PartialFile, session: inout DownloadSession,
        progress: @escaping @Sendable (ArchiveDownloadProgress) -> Void
    ) async throws {
        while true {
            try Task.checkCancellation()
            if let total = session.total, part.size == total { return }
            if session.url == nil { session.url = try await freshURL(scope, id: id, session: &session) }
            guard session.requestsWithoutBytes < options.maxRequests else {
                throw ArchiveDownloadError(
                    .storageFailed, "gave up after \(options.maxRequests) requests in a row brought no bytes")
            }
            session.statistics.requests += 1
            session.requestsWithoutBytes += 1
            let outcome = try await exchange(&session, part: part, progress: progress)
            let advanced = session.reach(part.size)
            switch outcome {
            case .complete, .unsound:
                return
            case .again:
                continue
            case .refreshURL:
                session.url = nil
            case .failed where advanced:
                session.progressed()
                // Still a pause, short: a host that cuts every connection early is not hammered.
                try await backOff(after: 1)
            case .failed(let reason), .stalled(let reason):
                session.failuresInRow += 1
                guard session.failuresInRow < options.maxConsecutiveFailures else {
                    throw ArchiveDownloadError(.storageFailed, Self.givingUp(reason, outcome, session: session))
                }
                try await backOff(after: session.failuresInRow)
            }
        }
    }

    /// Why the download stops after `maxConsecutiveFailures`: the last failure and, once bytes were on
    /// disk, the byte none of the attempts got past (the same byte every time, for a host that ignores
    /// `Range` and cuts each transfer there).
    private static func givingUp(_ reason: String, _ outcome: ExchangeOutcome, session: DownloadSession) -> String {
        let line = "\(reason), \(session.failuresInRow) times in a row"
        guard case .failed = outcome, session.furthest > 0 else { return line }
        return line + " without getting past byte \(session.furthest)"
    }

    /// A new signed URL from the API; the API's refusal (404 once deleted or expired) ends the download.
    private func freshURL(_ scope: MigrationScope, id: Int64, session: inout DownloadSession) async throws -> URL {
        if session.statistics.requests > 0 {
            session.statistics.urlRefreshes += 1
            session.refreshesWithoutBytes += 1
            guard session.refreshesWithoutBytes <= options.maxURLRefreshes else {
                throw ArchiveDownloadError(
                    .storageFailed, "the storage refused \(options.maxURLRefreshes) fresh archive URLs in a row")
            }
        }
        session.redirects = 0
        do {
            return try await client.archiveURL(scope, id: id)
        } catch let error as GitHubError {
            throw ArchiveDownloadError.api(error)
        }
    }

    /// Waits before retrying: the client's base delay doubling per failure, jittered, capped.
    private func backOff(after failures: Int) async throws {
        let base = client.configuration.retryBaseDelay * pow(2, Double(failures - 1))
        try await client.configuration.sleep(min(options.maxBackoff, base) * Double.random(in: 0.5...1.0))
    }

    /// A time to the second, as the manifest stores it.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    private func createDirectory() throws(ArchiveDownloadError) {
        do {
            // A folder migdash makes is its owner's alone, as the archives in it are.
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ArchiveDownloadError(.fileSystem, "cannot create \(directory.path)")
        }
    }
}
