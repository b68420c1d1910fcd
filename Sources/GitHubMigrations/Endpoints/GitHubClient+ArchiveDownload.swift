import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

extension GitHubClient {
    /// Downloads a migration archive into `directory` and returns the file's URL.
    ///
    /// The storage URL comes from `archiveURL` and is fetched with no GitHub header at all,
    /// whatever its origin: storage hosts such as S3 refuse a second credential, and the token
    /// is not theirs to see. Bytes stream to `NAME.part`, and the file is renamed into place only
    /// once its length matches `Content-Length`; an archive already in place is never overwritten.
    /// - Parameter progress: called with bytes received and the total when known.
    public func downloadArchive(
        _ scope: MigrationScope, id: Int64, guid: String, into directory: URL,
        progress: @Sendable (Int64, Int64?) -> Void = { _, _ in }
    ) async throws -> URL {
        let prefix = scope == .user ? "user" : "\(scope)"
        let destination = directory.appendingPathComponent("\(prefix)-migration-\(id)-\(guid).tar.gz")
        if FileManager.default.fileExists(atPath: destination.path) { return destination }
        let source = try await archiveURL(scope, id: id)
        let partial = destination.appendingPathExtension("part")
        var request = HTTPClientRequest(url: source.absoluteString)
        request.headers = HTTPHeaders([("User-Agent", configuration.userAgent)])
        let summary = "GET archive of migration \(id)"
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: .hours(1))
        } catch {
            throw Self.transportError(error, request: summary)
        }
        guard response.status == .ok else {
            throw GitHubError(
                kind: response.status.code == 404 ? .notFound : .unexpectedStatus, status: Int(response.status.code),
                message: "the archive storage answered \(response.status.code)", request: summary)
        }
        let expected = response.headers.first(name: "content-length").flatMap { Int64($0) }
        guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
            throw GitHubError(kind: .unexpectedStatus, message: "cannot write \(partial.path)", request: summary)
        }
        let handle = try FileHandle(forWritingTo: partial)
        var received: Int64 = 0
        do {
            for try await chunk in response.body {
                try handle.write(contentsOf: chunk.readableBytesView)
                received += Int64(chunk.readableBytes)
                progress(received, expected)
            }
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            throw Self.transportError(error, request: summary)
        }
        if let expected, expected != received {
            throw GitHubError(
                kind: .offline, message: "received \(received) of \(expected) bytes", request: summary)
        }
        try FileManager.default.moveItem(at: partial, to: destination)
        return destination
    }
}
