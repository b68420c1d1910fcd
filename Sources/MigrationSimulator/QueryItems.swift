import Foundation

/// A request's query string, kept raw so pagination links can repeat it with only `page` changed.
struct QueryItems: Sendable, Equatable {
    /// Name and value pairs exactly as sent (still percent-encoded).
    private(set) var raw: [(name: String, value: String)]

    /// Parses `a=1&b=2`; a missing query gives no items.
    init(_ query: String?) {
        raw = (query ?? "").split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }

    /// The decoded values of parameter `name` (also matching `name[]`).
    func values(_ name: String) -> [String] {
        raw.filter { Self.decode($0.name) == name || Self.decode($0.name) == name + "[]" }.map { Self.decode($0.value) }
    }

    /// The first decoded value of parameter `name`.
    func value(_ name: String) -> String? {
        values(name).first
    }

    /// The query string with `name` set to `value`, every other parameter kept in order.
    func setting(_ name: String, to value: String) -> String {
        var pairs = raw.filter { Self.decode($0.name) != name }
        pairs.append((name, value))
        return pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// Equal when the raw pairs are equal, in order.
    static func == (lhs: QueryItems, rhs: QueryItems) -> Bool {
        lhs.raw.elementsEqual(rhs.raw) { $0.name == $1.name && $0.value == $1.value }
    }

    private static func decode(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
