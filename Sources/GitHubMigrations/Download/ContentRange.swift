import Foundation

/// A `Content-Range` header: `bytes FIRST-LAST/TOTAL` on a 206, `bytes */TOTAL` on a 416.
struct ContentRange: Equatable {
    /// The first byte sent, nil for `*`.
    var first: Int64?
    /// The last byte sent, nil for `*`.
    var last: Int64?
    /// The whole object's size, nil for `/*`.
    var total: Int64?

    /// Parses the header; nil when it is not a byte range.
    init?(_ header: String) {
        let value = header.trimmingCharacters(in: .whitespaces)
        guard value.lowercased().hasPrefix("bytes ") else { return nil }
        let parts = value.dropFirst("bytes ".count).split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        total = parts[1] == "*" ? nil : Int64(parts[1])
        if parts[1] != "*", total == nil { return nil }
        if parts[0] == "*" { return }
        let bounds = parts[0].split(separator: "-", maxSplits: 1)
        guard bounds.count == 2, let first = Int64(bounds[0]), let last = Int64(bounds[1]), first <= last else {
            return nil
        }
        self.first = first
        self.last = last
    }
}
