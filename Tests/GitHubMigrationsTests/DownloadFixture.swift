import ArchiveInspection
import AsyncHTTPClient
import Foundation
import GitHubMigrations
import MigrationSimulator
import Synchronization

/// A simulator, a client, a download folder and the archive of the seeded exported migration 240498
/// (about 3 MB), fetched independently of the downloader so downloads can be compared byte for byte.
struct DownloadFixture {
    static let scope = MigrationScope.organization("octo-org")
    static let id: Int64 = 240_498

    let simulator: Simulator
    let client: GitHubClient
    let clock: VirtualClock
    let directory: URL
    let guid: String
    /// The archive as storage serves it, read with a plain HTTP client rather than the downloader.
    let reference: Data

    /// Runs `body` with a fresh fixture; the folder is removed afterwards.
    static func run(
        options: SimulatorOptions = SimulatorOptions(), _ body: (DownloadFixture) async throws -> Void
    ) async throws {
        try await SimulatorHarness.run(options: options) { simulator, client, clock in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "migdash-download-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let guid = try await client.migration(scope, id: id).guid
            let url = try await client.archiveURL(scope, id: id)
            let response = try await HTTPClient.shared.execute(
                HTTPClientRequest(url: url.absoluteString), timeout: .seconds(10))
            let reference = Data(buffer: try await response.body.collect(upTo: 64 << 20))
            simulator.clearRequests()
            try await body(
                DownloadFixture(
                    simulator: simulator, client: client, clock: clock, directory: directory, guid: guid,
                    reference: reference))
        }
    }

    /// The archive's final path.
    var final: URL {
        // The simulator's guids are UUIDs, which always make a name.
        directory.appendingPathComponent((try? ArchiveFileName.name(Self.scope, id: Self.id, guid: guid)) ?? "")
    }

    /// The partial file's path.
    var part: URL { directory.appendingPathComponent(ArchiveFileName.partial(final.lastPathComponent)) }

    /// A downloader into the fixture's folder.
    func downloader(_ configure: (inout ArchiveDownloadOptions) -> Void = { _ in }) -> ArchiveDownloader {
        var options = ArchiveDownloadOptions()
        configure(&options)
        return ArchiveDownloader(client: client, directory: directory, options: options)
    }

    /// Downloads 240498 with default options.
    func download(progress: @escaping @Sendable (ArchiveDownloadProgress) -> Void = { _ in }) async throws
        -> ArchiveDownloadResult
    {
        try await downloader().download(Self.scope, id: Self.id, guid: guid, progress: progress)
    }

    /// Writes bytes as the partial file, as an interrupted earlier run would have left them.
    func leavePartial(_ bytes: Data) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try bytes.write(to: part)
    }

    /// Requests the storage listener answered.
    var storageRequests: [RecordedRequest] { simulator.requests.filter { $0.listener == .storage } }

    /// Archive-URL requests the API answered.
    var archiveURLRequests: [RecordedRequest] {
        simulator.requests.filter { $0.listener == .api && $0.path.hasSuffix("/\(Self.id)/archive") }
    }

    /// Files in the folder.
    var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted() }
}

/// Remembers the last progress report, for asserting what callers see.
final class ProgressLog: Sendable {
    private let reports = Mutex<[ArchiveDownloadProgress]>([])

    /// Records a report.
    func record(_ report: ArchiveDownloadProgress) { reports.withLock { $0.append(report) } }

    /// Every report so far.
    var all: [ArchiveDownloadProgress] { reports.withLock { $0 } }
}
