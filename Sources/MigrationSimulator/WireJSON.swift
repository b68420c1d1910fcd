import Foundation

/// The one JSON encoder configuration the simulator writes with: sorted keys, snake_case, unescaped slashes.
enum WireJSON {
    /// Encodes a wire value as GitHub would send it.
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(value) else { return Array("{}".utf8) }
        return Array(data)
    }

    /// ISO 8601 with a `Z` suffix and whole seconds, as GitHub formats timestamps.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

/// An untyped JSON value, for archive files whose many shapes do not merit a struct each.
enum JSONValue: Encodable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    /// A string value.
    init(stringLiteral value: String) { self = .string(value) }
    /// A number value.
    init(integerLiteral value: Int) { self = .int(value) }
    /// A boolean value.
    init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array value.
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object value; a repeated key keeps its last value.
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// Writes the value with its natural JSON type.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let values): try container.encode(values)
        case .object(let members): try container.encode(members)
        }
    }
}
