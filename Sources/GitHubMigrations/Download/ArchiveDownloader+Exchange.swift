import ArchiveInspection
import ArchiveModel
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension ArchiveDownloader {
    /// The only headers the storage host sees: who is asking, and which bytes. Never a GitHub header,
    /// even when the storage shares the API's origin (as on some Enterprise Server installs).
    static func storageHeaders(from offset: Int64, etag: String?, userAgent: String) -> HTTPHeaders {
        var headers = HTTPHeaders([("User-Agent", userAgent)])
        if offset > 0 {
            headers.add(name: "Range", value: "bytes=\(offset)-")
            if let etag, !etag.hasPrefix("W/") { headers.add(name: "If-Range", value: etag) }
        }
        return headers
    }

    /// One storage request, from the bytes already on disk.
    func exchange(
        _ session: inout DownloadSession, part: PartialFile,
        progress: @escaping @Sendable (ArchiveDownloadProgress) -> Void
    ) async throws -> ExchangeOutcome {
        let offset = part.size
        var request = HTTPClientRequest(url: session.url!.absoluteString)
        request.headers = Self.storageHeaders(
            from: offset, etag: session.etag, userAgent: client.configuration.userAgent)
        let response: HTTPClientResponse
        do {
            // The head only: the body has no deadline (an archive may take hours), but a stall check.
            let head = ExchangeDeadline.timeAmount(client.configuration.requestTimeout)
            response = try await client.storage.execute(request, timeout: head)
        } catch {
            try Task.checkCancellation()
            return .failed(GitHubClient.transportError(error, request: "GET archive", url: request.url).message)
        }
        let code = Int(response.status.code)
        switch code {
        case 200:
            let length = try announcedLength(response.headers.first(name: "content-length"))
            // The whole archive again: the bytes on disk go first, so the space check counts their room.
            if offset > 0 { try startOver(part, session: &session) }
            try checkSpace(needed: length)
            session.total = length
            session.etag = response.headers.first(name: "etag")
            let follower = follow(part, session: &session, progress: progress)
            return try await receive(response.body, into: part, total: length, follower: follower, progress: progress)
        case 206:
            return try await resume(response, from: offset, session: &session, part: part, progress: progress)
        case 416:
            _ = try? await response.body.collect(upTo: 1 << 16)
            let total = response.headers.first(name: "content-range").flatMap(ContentRange.init)?.total
            if let total { try checkSize(total) }
            session.total = total
            if let total, total == offset { return .complete }
            try startOver(part, session: &session)
            return .again
        case 301, 302, 303, 307, 308:
            return try await redirect(response, session: &session)
        case 403, 404:
            // An expired or one-use URL, or an archive gone: the API says which when asked afresh.
            _ = try? await response.body.collect(upTo: 1 << 16)
            return .refreshURL
        case 408, 429, 500...599:
            let reason = await Self.storageReason(response)
            return .failed("the storage answered \(code)\(reason)")
        default:
            let reason = await Self.storageReason(response)
            throw ArchiveDownloadError(.storageFailed, "the storage answered \(code)\(reason)")
        }
    }

    /// A 206: append it when it starts where the file ends and belongs to the same object.
    private func resume(
        _ response: HTTPClientResponse, from offset: Int64, session: inout DownloadSession, part: PartialFile,
        progress: @escaping @Sendable (ArchiveDownloadProgress) -> Void
    ) async throws -> ExchangeOutcome {
        let range = response.headers.first(name: "content-range").flatMap(ContentRange.init)
        guard let range, range.first == offset, let total = range.total,
            session.total == nil || session.total == total
        else {
            // Not the bytes asked for, or another object under the same name: start over.
            _ = try? await response.body.collect(upTo: 1 << 16)
            try startOver(part, session: &session)
            session.total = nil
            session.etag = nil
            return .again
        }
        try checkSize(total)
        // `ContentRange` guarantees 0 <= first <= last < total, and `first == offset` here.
        try checkSpace(needed: total - offset)
        session.total = total
        session.etag = response.headers.first(name: "etag") ?? session.etag
        session.statistics.resumes += 1
        let follower = follow(part, session: &session, progress: progress)
        return try await receive(response.body, into: part, total: total, follower: follower, progress: progress)
    }

    /// Streams a body onto the end of the partial file, one block at a time, telling the follower
    /// how far the file has grown. A body slower than `minimumRate` over `stallWindow` is a stall: a host
    /// that sends a byte every few seconds never trips the connection's idle timeout.
    private func receive(
        _ body: HTTPClientResponse.Body, into part: PartialFile, total: Int64?, follower: ArchiveFollower,
        progress: @escaping @Sendable (ArchiveDownloadProgress) -> Void
    ) async throws -> ExchangeOutcome {
        let limit = total ?? options.maxArchiveBytes
        var written = part.size
        var pace = StallWatch(window: options.stallWindow, minimumRate: options.minimumRate)
        do {
            for try await block in body {
                let size = Int64(block.readableBytes)
                guard size <= limit - written else {
                    let announced = total.map { "the \($0) bytes it announced" } ?? "any archive's size"
                    throw ArchiveDownloadError(.storageFailed, "the storage sent more than \(announced)")
                }
                try part.append(block)
                written += size
                follower.advance(to: written)
                if follower.foundDefect { return .unsound }
                progress(ArchiveDownloadProgress(phase: .downloading, bytes: written, total: total))
                if let slow = pace.record(size) { return .stalled(slow) }
            }
        } catch let error as ArchiveDownloadError {
            throw error
        } catch {
            try Task.checkCancellation()
            return .failed(GitHubClient.transportError(error, request: "GET archive").message)
        }
        if let total, written != total {
            return .failed("the connection ended after \(written) of \(total) bytes")
        }
        return .complete
    }

    /// The archive's size from a `Content-Length`: nil when there is none, an error when it is not a
    /// size or more than `maxArchiveBytes` (so no sum or difference of sizes can overflow).
    func announcedLength(_ header: String?) throws(ArchiveDownloadError) -> Int64? {
        guard let header else { return nil }
        let text = header.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw ArchiveDownloadError(.storageFailed, "the storage announced a Content-Length that is not a size")
        }
        guard let length = Int64(text) else {
            throw tooLarge(text.count <= 40 ? text : "a \(text.count)-digit number of")
        }
        try checkSize(length)
        return length
    }

    /// Refuses an archive size above `maxArchiveBytes`.
    func checkSize(_ size: Int64) throws(ArchiveDownloadError) {
        guard size > options.maxArchiveBytes else { return }
        throw tooLarge(String(size))
    }

    /// The error for an announced size of `shown` bytes, above any archive's.
    private func tooLarge(_ shown: String) -> ArchiveDownloadError {
        let most = ByteCount.text(options.maxArchiveBytes)
        return ArchiveDownloadError(
            .storageFailed, "the storage announced \(shown) bytes, more than any archive (at most \(most))")
    }

    /// Follows a storage redirect, at most five in a row, still without any GitHub header.
    private func redirect(_ response: HTTPClientResponse, session: inout DownloadSession) async throws
        -> ExchangeOutcome
    {
        _ = try? await response.body.collect(upTo: 1 << 16)
        session.redirects += 1
        guard session.redirects <= 5, let location = response.headers.first(name: "location"),
            let target = URL(string: location, relativeTo: session.url)?.absoluteURL,
            target.scheme == "https" || target.scheme == "http"
        else {
            throw ArchiveDownloadError(.storageFailed, "the storage redirected without a usable Location")
        }
        session.url = target
        return .again
    }

    /// Refuses to start when the rest of the archive would not fit, keeping a margin free.
    func checkSpace(needed: Int64?) throws(ArchiveDownloadError) {
        guard let needed, let free = options.diskSpace.available(directory) else { return }
        guard free < ByteCount.sum(needed, options.reserveBytes) else { return }
        throw ArchiveDownloadError(
            .diskFull,
            "\(ByteCount.text(needed)) still to download, \(ByteCount.text(free)) free in \(directory.path)")
    }

    /// ` (AccessDenied)`: the code of S3's XML error body, when there is one.
    private static func storageReason(_ response: HTTPClientResponse) async -> String {
        guard let body = try? await response.body.collect(upTo: 1 << 16) else { return "" }
        let text = String(buffer: body)
        guard let match = text.firstMatch(of: /<Code>([^<]{1,64})<\/Code>/) else { return "" }
        return " (\(match.output.1))"
    }
}
