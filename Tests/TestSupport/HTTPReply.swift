import Foundation

/// An HTTP answer from the simulator: status, headers and body.
public struct HTTPReply: Sendable {
    /// The status code.
    public var status: Int
    /// Headers with lowercased names.
    public var headers: [String: String]
    /// The body.
    public var body: Data

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Throws `unexpectedResponse` unless the status is `expected`.
    public func expect(_ expected: Int, _ what: String) throws {
        guard status == expected else {
            throw TestSupportError.unexpectedResponse("\(what) answered \(status), expected \(expected): \(text)")
        }
    }
}
