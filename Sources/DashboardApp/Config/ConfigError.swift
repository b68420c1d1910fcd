import Foundation
import TerminalUI
import Yams

/// Why the configuration could not be used: one line naming the file, and where known the line and
/// column, as compilers do (`config.yml:4:11: readonly must be true or false`).
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The line, from 1; nil when the problem is the whole file.
    public var line: Int?
    /// The column, from 1, counted in Unicode scalars as libyaml counts them.
    public var column: Int?
    /// What is wrong, in words.
    public var reason: String

    /// An error at a place in the file (nil: the whole file).
    public init(path: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// An error at a node's place in the file.
    init(path: String, at mark: Mark?, reason: String) {
        self.init(path: path, line: mark?.line, column: mark?.column, reason: reason)
    }

    /// The place a YAML syntax error points at, and libyaml's problem in words.
    init(path: String, yamlError error: any Error, yaml: String) {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            self.init(path: path, at: mark, reason: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            // libyaml marks the mapping; the line to fix is where the name comes again.
            let again = duplicates.sorted().first.flatMap {
                Self.secondLine(of: $0, in: yaml, from: context.mark.line, column: context.mark.column)
            }
            self.init(
                path: path, line: again ?? context.mark.line, column: context.mark.column,
                reason: "a setting appears twice: \(names)")
        case .reader(let problem, let offset, _, _):
            let place = offset.flatMap { Self.place(atUTF8Offset: $0, in: yaml) }
            self.init(path: path, line: place?.line, column: place?.column, reason: "not valid YAML: \(problem)")
        default:
            self.init(path: path, reason: "not valid YAML")
        }
    }

    /// `PATH:LINE:COLUMN: reason`, or `PATH: reason`, with control characters made visible.
    public var description: String {
        var place = path
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return Self.printable(place + ": " + reason)
    }

    /// The line, from `first`, where a block mapping at `column` names `key` the second time.
    private static func secondLine(of key: String, in yaml: String, from first: Int, column: Int) -> Int? {
        let indent = String(repeating: " ", count: max(0, column - 1))
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where index + 1 >= first && line.hasPrefix(indent + key) {
            let rest = line.dropFirst(indent.count + key.count).drop { $0 == " " }
            guard rest.hasPrefix(":") else { continue }
            seen += 1
            if seen == 2 { return index + 1 }
        }
        return nil
    }

    /// The line and column of a byte offset, as libyaml's reader reports a bad byte.
    private static func place(atUTF8Offset offset: Int, in yaml: String) -> (line: Int, column: Int)? {
        let bytes = Array(yaml.utf8.prefix(max(0, offset)))
        guard bytes.count == offset else { return nil }
        let lineStart = (bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
        let line = bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let column = String(decoding: bytes[lineStart...], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    /// Text from a hand-edited file reaches a terminal: C0, DEL and C1 controls and bidirectional
    /// overrides become `?`.
    static func printable(_ text: String) -> String {
        TerminalText.safe(text)
    }
}
