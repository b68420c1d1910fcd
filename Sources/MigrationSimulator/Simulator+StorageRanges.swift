import Foundation
import NIOCore

extension Simulator {
    /// The archive bytes, whole (200) or one `Range` of them (206), or 416 past the end.
    func serve(_ blob: ArchiveBlob, method: String, headers: [String: String], disposition: String?) -> OutgoingResponse
    {
        let total = blob.bytes.readableBytes
        var common: [(String, String)] = [
            ("content-type", "application/x-gzip"), ("accept-ranges", "bytes"), ("etag", blob.etag),
            ("last-modified", HTTPDate.format(blob.lastModified)),
        ]
        if let disposition { common.append(("content-disposition", disposition)) }
        var range = headers["range"].flatMap { Self.parseRange($0, total: total) }
        if let ifRange = headers["if-range"], ifRange != blob.etag { range = nil }
        var response: OutgoingResponse
        switch range {
        case .unsatisfiable?:
            return OutgoingResponse(
                status: 416,
                headers: [("content-type", "application/xml"), ("content-range", "bytes */\(total)")],
                body: Array(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InvalidRange</Code><Message>The requested range is not satisfiable</Message></Error>"
                        .utf8))
        case .bytes(let lower, let upper)?:
            response = OutgoingResponse(
                status: 206, headers: common + [("content-range", "bytes \(lower)-\(upper)/\(total)")],
                buffer: blob.bytes.getSlice(at: blob.bytes.readerIndex + lower, length: upper - lower + 1)!)
        case nil:
            response = OutgoingResponse(status: 200, headers: common, buffer: blob.bytes)
        }
        if method == "HEAD" {
            response.announcedLength = response.body.readableBytes
            response.body.clear()
        }
        return response
    }

    /// One parsed `Range` header.
    enum ByteRange: Equatable {
        case bytes(Int, Int)
        case unsatisfiable
    }

    /// Parses `bytes=N-`, `bytes=N-M` and `bytes=-K`; anything else (multiple ranges too) is ignored, as S3 does.
    static func parseRange(_ header: String, total: Int) -> ByteRange? {
        let value = header.trimmingCharacters(in: .whitespaces)
        guard value.hasPrefix("bytes="), !value.contains(",") else { return nil }
        let spec = value.dropFirst("bytes=".count).split(separator: "-", omittingEmptySubsequences: false)
        guard spec.count == 2 else { return nil }
        if spec[0].isEmpty {
            guard let suffix = Int(spec[1]), suffix > 0 else { return nil }
            return total == 0 ? .unsatisfiable : .bytes(max(0, total - suffix), total - 1)
        }
        guard let lower = Int(spec[0]) else { return nil }
        let upper = spec[1].isEmpty ? Int.max : Int(spec[1])
        guard let upper, upper >= lower else { return nil }
        guard lower < total else { return .unsatisfiable }
        return .bytes(lower, min(upper, total - 1))
    }
}
