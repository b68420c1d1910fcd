import Foundation
import Testing

/// A JSON document a command printed or the simulator answered, parsed with Foundation's own parser.
enum JSONValue {
    /// The object `text` holds, or a failure naming what it was.
    static func object(_ text: String) throws -> [String: Any] {
        try object(Data(text.utf8))
    }

    /// The object `data` holds, or a failure naming what it was.
    static func object(_ data: Data) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: data)
        return try #require(value as? [String: Any], "not a JSON object: \(String(decoding: data, as: UTF8.self))")
    }

    /// The array of objects `text` holds.
    static func objects(_ text: String) throws -> [[String: Any]] {
        try objects(Data(text.utf8))
    }

    /// The array of objects `data` holds.
    static func objects(_ data: Data) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: data)
        return try #require(
            value as? [[String: Any]], "not an array of objects: \(String(decoding: data, as: UTF8.self))")
    }
}

/// Compares what a command printed with `--json` with what the simulator holds, field by field.
enum CommandJSON {
    /// The number `value` holds, as GitHub's ids are.
    static func id(_ value: Any?) -> Int? {
        (value as? NSNumber)?.intValue
    }

    /// An RFC 3339 time, as both sides write it.
    static func date(_ value: Any?) -> Date? {
        (value as? String).flatMap { try? Date($0, strategy: .iso8601) }
    }

    /// A row of `migdash list/show/start/wait --json` against the API's migration object: the same id,
    /// guid when shown, state, lock flag, repositories (`owner/name`) and times.
    static func expectSameMigration(
        _ shown: [String: Any], _ held: [String: Any], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(id(shown["id"]) != nil && id(shown["id"]) == id(held["id"]), sourceLocation: sourceLocation)
        #expect(shown["state"] as? String == held["state"] as? String, sourceLocation: sourceLocation)
        #expect(
            shown["lock_repositories"] as? Bool == held["lock_repositories"] as? Bool, sourceLocation: sourceLocation)
        if shown["guid"] != nil {
            #expect(shown["guid"] as? String == held["guid"] as? String, sourceLocation: sourceLocation)
        }
        let repositories = (held["repositories"] as? [[String: Any]] ?? []).compactMap { $0["full_name"] as? String }
        #expect(shown["repositories"] as? [String] == repositories, sourceLocation: sourceLocation)
        for field in ["created_at", "updated_at"] {
            #expect(
                date(shown[field]) != nil && date(shown[field]) == date(held[field]), "\(field)",
                sourceLocation: sourceLocation)
        }
    }
}
