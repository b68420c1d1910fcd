import Foundation

/// Response headers with case-insensitive lookup, detached from the HTTP library.
struct ResponseHeaders: Sendable, Hashable {
    private var storage: [String: [String]] = [:]

    /// Creates headers from name-value pairs.
    init(_ pairs: some Sequence<(String, String)>) {
        for (name, value) in pairs { storage[name.lowercased(), default: []].append(value) }
    }

    /// The first value of a header.
    func first(_ name: String) -> String? { storage[name.lowercased()]?.first }

    /// The first value of a header as an integer.
    func int(_ name: String) -> Int? { first(name).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
}
