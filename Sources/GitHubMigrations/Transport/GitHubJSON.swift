import Foundation

/// JSON coding as GitHub speaks it: snake_case keys declared per type, ISO 8601 dates with or without offsets.
enum GitHubJSON {
    /// A decoder for GitHub payloads.
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseDate(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an ISO 8601 date: \(text)")
            }
            return date
        }
        return decoder
    }

    /// An encoder for request bodies, with stable key order.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Parses `2015-07-06T15:33:38-07:00`, `2024-01-01T00:00:00Z` and fractional-second forms.
    static func parseDate(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Decodes a body, turning a decoding failure into a one-line `malformedResponse`.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, request: String) throws -> T {
        do {
            return try decoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw GitHubError(kind: .malformedResponse, message: summarize(error), request: request)
        } catch {
            throw GitHubError(kind: .malformedResponse, message: "the body is not JSON", request: request)
        }
    }

    /// One line about a decoding failure: which field, and what was wrong; never the payload.
    static func summarize(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the body" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \(key.stringValue) in \(path(context))"
        case .typeMismatch(let type, let context):
            return "\(path(context)) is not a \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context)) is null where a \(type) was expected"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not valid JSON" : "\(path(context)) is invalid"
        @unknown default:
            return "the body could not be read"
        }
    }
}
