import Foundation
import GitHubMigrations
import Yams

/// YAML that people and other programs write (the configuration, themes, gh's `hosts.yml`), read
/// within bounds: at most 1 MiB of file, and at most 100,000 values once aliases are expanded.
///
/// A few aliases nest into billions of values (nine lines of nine `*a` make 390 million), and a
/// loader that expands them takes gigabytes. libyaml's events are not public through Yams, so the
/// count happens on a stand-in: the text with each alias `*name` turned into a plain scalar that
/// names it (one character for one, so every line and column stays put). Composing the stand-in
/// cannot blow up, because nothing in it is shared; walking it once in document order, with the size
/// of each anchored node remembered, gives what the real document would expand to.
enum BoundedYAML {
    /// The largest YAML file read; a configuration or a theme is a few kilobytes.
    static let maximumBytes = 1 << 20
    /// The most values (scalars, sequences and mappings) a document may hold, aliases expanded.
    static let maximumNodes = 100_000

    /// A document refused for its size once expanded, with the place where the count passed the bound.
    struct Refusal: Error {
        /// What is wrong, in words.
        var reason: String
        /// The node at fault.
        var mark: Mark?
    }

    /// The text of the file at `path`: a regular file (FIFOs are not waited on) of at most 1 MiB.
    static func read(_ path: String) throws(BoundedFile.Failure) -> String {
        String(decoding: try BoundedFile.contents(atPath: path, limit: maximumBytes), as: UTF8.self)
    }

    /// The composed document, once its expanded size is known to be within bounds.
    /// - Throws: `Refusal`, or Yams's `YamlError` for text that is not YAML.
    static func compose(_ yaml: String) throws -> Node? {
        try checkExpansion(yaml)
        return try Yams.compose(yaml: yaml)
    }

    /// The document as Swift values (`[String: Any]`, `[Any]`, scalars), once within bounds.
    /// - Throws: `Refusal`, or Yams's `YamlError`.
    static func load(_ yaml: String) throws -> Any? {
        try checkExpansion(yaml)
        return try Yams.load(yaml: yaml)
    }

    /// Throws `Refusal` when the document's aliases expand past `maximumNodes`, and Yams's error when
    /// the text is not YAML (its marks are those of the original text).
    static func checkExpansion(_ yaml: String) throws {
        // Without an alias nothing expands: the file's size bounds the document.
        guard yaml.contains("*") else { return }
        // Nodes hold their anchors weakly and the parser keeps them alive: it must outlive the walk.
        let parser = try Parser(yaml: standIn(yaml))
        guard let root = try parser.singleRoot() else { return }
        var counter = Counter()
        try withExtendedLifetime(parser) { _ = try counter.size(of: root) }
    }

    /// The character that replaces an alias's `*`: a private-use one, printable for libyaml.
    static let aliasMark: Unicode.Scalar = "\u{E000}"

    /// `yaml` with the `*` of each alias (a `*` before a name character) replaced by `aliasMark`. A
    /// `*` inside a quoted or plain scalar may be replaced too; that only changes a scalar's text.
    static func standIn(_ yaml: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasStar = false
        for scalar in yaml.unicodeScalars {
            if previousWasStar { scalars.append(isNameCharacter(scalar) ? aliasMark : "*") }
            previousWasStar = scalar == "*"
            if !previousWasStar { scalars.append(scalar) }
        }
        if previousWasStar { scalars.append("*") }
        return String(scalars)
    }

    /// libyaml's anchor and alias names: ASCII letters, digits, `_` and `-`.
    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || scalar == "_" || scalar == "-"
    }

    /// Walks the stand-in once, in document order, as the composer met the nodes.
    private struct Counter {
        /// Each anchor's expanded size; a later anchor of the same name shadows an earlier one.
        var sizes: [String: Int] = [:]

        /// The node's size with its aliases expanded; throws as soon as a node passes the bound.
        mutating func size(of node: Node) throws(Refusal) -> Int {
            var size = 1
            switch node {
            case .scalar(let scalar):
                if scalar.style == .plain, let name = Self.aliasName(scalar.string) { size = sizes[name] ?? 1 }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    size += try self.size(of: key)
                    try check(size, node)
                    size += try self.size(of: value)
                    try check(size, node)
                }
            case .sequence(let sequence):
                for item in sequence {
                    size += try self.size(of: item)
                    try check(size, node)
                }
            case .alias:
                break
            }
            try check(size, node)
            if let anchor = node.anchor { sizes[anchor.rawValue] = size }
            return size
        }

        private func check(_ size: Int, _ node: Node) throws(Refusal) {
            guard size > BoundedYAML.maximumNodes else { return }
            throw Refusal(
                reason: "its aliases expand to more than \(BoundedYAML.maximumNodes) values; refused as an alias bomb",
                mark: node.mark)
        }

        /// `name` for a stand-in alias (`aliasMark` and a name), nil for any other scalar.
        private static func aliasName(_ text: String) -> String? {
            guard text.unicodeScalars.first == BoundedYAML.aliasMark else { return nil }
            let name = text.unicodeScalars.dropFirst()
            guard !name.isEmpty, name.allSatisfy(BoundedYAML.isNameCharacter) else { return nil }
            return String(String.UnicodeScalarView(name))
        }
    }
}
