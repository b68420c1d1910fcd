import Foundation
import GitHubMigrations
import TestSupport
import Testing

@Suite("Sizes and pacing from a hostile storage host never crash or freeze a download")
struct HostileDownloadTests {
    static let guid = "0b989ba4-242f-11e5-81e1-c7b6966d2516"

    /// Downloads migration 1 of the user from a hostile server playing `scenario`, into a fresh folder.
    static func download(
        _ scenario: String, within limit: Duration = .seconds(60),
        options configure: (inout ArchiveDownloadOptions) -> Void = { _ in },
        before: (URL) throws -> Void = { _ in }, after: (HostileServer, URL) async throws -> Void = { _, _ in }
    ) async throws -> ArchiveDownloadError? {
        let folder = try TemporaryDirectory(prefix: "migdash-hostile-download")
        defer { withExtendedLifetime(folder) {} }
        let directory = URL(fileURLWithPath: folder.path)
        try before(directory)
        var error: ArchiveDownloadError?
        try await HostileNumberTests.run(scenario) { server, client, _ in
            var options = ArchiveDownloadOptions()
            configure(&options)
            let downloader = ArchiveDownloader(client: client, directory: directory, options: options)
            error = await #expect(throws: ArchiveDownloadError.self) {
                _ = try await finishing(within: limit) { try await downloader.download(.user, id: 1, guid: guid) }
            }
            try await after(server, directory)
        }
        return error
    }

    /// Storage requests the server logged.
    static func storageRequests(_ server: HostileServer) async throws -> Int {
        try await server.requests().filter { $0.path.hasPrefix("/storage/") }.count
    }

    @Test("a storage Content-Length larger than any archive is an error naming it, not a trap")
    func hugeContentLength() async throws {
        let error = try await Self.download("huge-content-length")
        #expect(error?.kind == .storageFailed)
        #expect(error?.userMessage.contains("9223372036854775807") == true, "\(error?.userMessage ?? "")")
    }

    @Test("a Content-Range whose total is negative is refused, not subtracted from")
    func absurdContentRange() async throws {
        let name = try ArchiveFileName.name(.user, id: 1, guid: Self.guid)
        let error = try await Self.download(
            "absurd-content-range",
            before: { directory in
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(repeating: 0x1f, count: 100).write(
                    to: directory.appendingPathComponent(ArchiveFileName.partial(name)))
            })
        #expect(error?.kind == .storageFailed)
    }

    @Test("a host that ignores Range and cuts at the same byte gives up after a few restarts, naming the byte")
    func cutsIgnoringRange() async throws {
        let error = try await Self.download(
            "storage-cuts-ignoring-range",
            after: { server, _ in
                // One request that reached byte 5000, then six that got no further.
                let logged = try await Self.storageRequests(server)
                #expect(logged == 7)
            })
        #expect(error?.kind == .storageFailed)
        #expect(error?.userMessage.contains("byte 5000") == true, "\(error?.userMessage ?? "")")
    }

    @Test("a body trickled far below the slowest rate is a stall, and stalls in a row end the download")
    func trickle() async throws {
        let started = ContinuousClock.now
        let error = try await Self.download(
            "storage-trickle", within: .seconds(60),
            options: {
                $0.stallWindow = .seconds(1)
                $0.maxConsecutiveFailures = 2
            })
        #expect(error?.kind == .storageFailed)
        #expect(error?.userMessage.contains("slower than") == true, "\(error?.userMessage ?? "")")
        // 200 s for the whole trickle, about 5 s to see the stalls on an idle machine; a full suite on two
        // busy cores took 25 s, so the bound is under a third of the trickle, not a race with the load.
        #expect(ContinuousClock.now - started < .seconds(60))
    }
}
