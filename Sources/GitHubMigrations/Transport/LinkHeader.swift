import Foundation

/// A parsed `Link` header: GitHub's pagination, which clients must follow rather than build page URLs.
struct LinkHeader: Sendable, Hashable {
    /// URLs by relation (`next`, `prev`, `first`, `last`).
    private(set) var links: [String: String] = [:]

    /// Parses `<url>; rel="next", <url>; rel="last"`; entries it cannot read are skipped.
    init(_ value: String?) {
        guard let value else { return }
        for entry in Self.splitEntries(value) {
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = parts.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
            let url = String(target.dropFirst().dropLast())
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard pair.count == 2, pair[0].lowercased() == "rel" else { continue }
                let relations = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                for relation in relations.split(separator: " ") { links[String(relation)] = url }
            }
        }
    }

    /// The next page's URL, if any.
    var next: String? { links["next"] }

    /// The last page's URL, if GitHub could compute it.
    var last: String? { links["last"] }

    /// Splits on the commas between entries, not those inside `<...>`.
    private static func splitEntries(_ value: String) -> [String] {
        var entries: [String] = []
        var current = ""
        var insideURL = false
        for character in value {
            switch character {
            case "<": insideURL = true
            case ">": insideURL = false
            case "," where !insideURL:
                entries.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        entries.append(current)
        return entries.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
