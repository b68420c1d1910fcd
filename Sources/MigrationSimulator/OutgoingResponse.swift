import Hummingbird
import NIOCore

/// A finished response, headers and all, ready to be written by Hummingbird.
struct OutgoingResponse: Sendable {
    /// Thrown by a body writer to cut a response short and close the connection.
    struct ConnectionDropped: Error {}

    var status: Int
    var headers: [(String, String)]
    var body: ByteBuffer
    /// The `Content-Length` to announce when no body is sent, as for `HEAD`.
    var announcedLength: Int? = nil
    /// Send the headers and part of the body, then close the connection.
    var dropMidBody = false
    /// How much of the body goes out before the cut; half when nil.
    var dropAfterBytes: Int? = nil
    /// When set, the body goes out at about this many bytes a second.
    var bytesPerSecond: Int? = nil

    /// A response with a body of bytes.
    init(status: Int, headers: [(String, String)], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = ByteBuffer(bytes: body)
    }

    /// A response with a body already in a buffer.
    init(status: Int, headers: [(String, String)], buffer: ByteBuffer) {
        self.status = status
        self.headers = headers
        self.body = buffer
    }

    /// The response in Hummingbird's terms.
    func hummingbird() -> Response {
        var fields = HTTPFields()
        for (name, value) in headers {
            guard let fieldName = HTTPFields.Element.Name(name) else { continue }
            fields.append(HTTPFields.Element(name: fieldName, value: value))
        }
        let status = HTTPResponse.Status(code: status)
        if let announcedLength {
            fields[.contentLength] = String(announcedLength)
            return Response(status: status, headers: fields, body: ResponseBody())
        }
        guard dropMidBody else {
            if let bytesPerSecond, bytesPerSecond > 0 {
                return Response(status: status, headers: fields, body: Self.throttledBody(body, rate: bytesPerSecond))
            }
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: body))
        }
        return Response(status: status, headers: fields, body: Self.truncatedBody(body, after: dropAfterBytes))
    }

    /// A body written in slices of a tenth of a second's worth, paced to `rate` bytes a second as a
    /// link is: each slice leaves when the bytes before it would have been through, so a client that
    /// takes its time to read a slice is not charged for it twice.
    private static func throttledBody(_ body: ByteBuffer, rate: Int) -> ResponseBody {
        ResponseBody(contentLength: body.readableBytes) { writer in
            var rest = body
            let slice = max(1, rate / 10)
            let clock = ContinuousClock()
            let start = clock.now
            var sent = 0
            while let part = rest.readSlice(length: min(slice, rest.readableBytes)), part.readableBytes > 0 {
                try await writer.write(part)
                sent += part.readableBytes
                guard rest.readableBytes > 0 else { break }
                try await Task.sleep(until: start + .seconds(Double(sent) / Double(rate)), clock: clock)
            }
        }
    }

    /// A body that announces its full length, writes part of it (half unless told), then fails so the
    /// server closes the connection.
    private static func truncatedBody(_ body: ByteBuffer, after: Int?) -> ResponseBody {
        let total = body.readableBytes
        let cut = min(max(0, after ?? total / 2), max(0, total - 1))
        let part = body.getSlice(at: body.readerIndex, length: cut) ?? ByteBuffer()
        return ResponseBody(contentLength: max(total, 1)) { writer in
            if part.readableBytes > 0 { try await writer.write(part) }
            // Give the event loop a moment to put the partial body on the wire before the close.
            try? await Task.sleep(for: .milliseconds(20))
            throw ConnectionDropped()
        }
    }
}
