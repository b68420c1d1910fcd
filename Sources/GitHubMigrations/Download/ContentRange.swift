import Foundation

/// A `Content-Range` header: `bytes FIRST-LAST/TOTAL` on a 206, `bytes */TOTAL` on a 416.
struct ContentRange: Equatable {
    /// The first byte sent, nil for `*`.
    var first: Int64?
    /// The last byte sent, nil for `*`.
    var last: Int64?
    /// The whole object's size, nil for `/*`.
    var total: Int64?

    /// Parses the header; nil when it is not a byte range, or not a consistent one: every number is
    /// decimal digits (no sign) within `Int64`, `first <= last`, and `last < total` when both are known.
    init?(_ header: String) {
        let value = header.trimmingCharacters(in: .whitespaces)
        guard value.lowercased().hasPrefix("bytes ") else { return nil }
        let parts = value.dropFirst("bytes ".count).split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        total = parts[1] == "*" ? nil : Self.number(parts[1])
        if parts[1] != "*", total == nil { return nil }
        if parts[0] == "*" { return }
        let bounds = parts[0].split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.count == 2, let first = Self.number(bounds[0]), let last = Self.number(bounds[1]), first <= last
        else { return nil }
        if let total, last >= total { return nil }
        self.first = first
        self.last = last
    }

    /// A non-negative decimal number that fits `Int64`, nil for anything else (`-5`, `+5`, `1e9`).
    private static func number(_ text: Substring) -> Int64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int64(text)
    }
}
