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

    /// The first value of a header as an integer within `range`; nil when absent, unreadable or outside it.
    func int(_ name: String, in range: ClosedRange<Int>) -> Int? {
        int(name).flatMap { range.contains($0) ? $0 : nil }
    }

    /// The first value of a header as a count of seconds or a count of bytes: decimal digits only, read as
    /// a `Double` so that a number too large for any integer type is still a number (to be capped), not a
    /// trap or a silent nil. nil when absent or when anything but digits is there (a sign, a date, `nan`).
    func digits(_ name: String) -> Double? {
        guard let value = first(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty,
            value.utf8.allSatisfy({ (0x30...0x39).contains($0) })
        else { return nil }
        return Double(value)
    }
}
