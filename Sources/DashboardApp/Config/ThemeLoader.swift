import DashboardCore
import Foundation
import Yams

/// Reads themes: a built-in name (`default`, `light`, `high-contrast`, `monochrome`) or a YAML file path.
public enum ThemeLoader {
    /// The names of the built-in themes.
    public static var builtinNames: [String] { BuiltinThemes.yaml.keys.sorted() }

    /// Loads a theme by name or path; `NO_COLOR` (any value) selects monochrome unless a theme is named.
    public static func load(_ nameOrPath: String?, environment: [String: String]) throws(ThemeError) -> Theme {
        let name = nameOrPath ?? (environment["NO_COLOR"].map { _ in "monochrome" } ?? "default")
        if let yaml = BuiltinThemes.yaml[name] { return try parse(yaml, name: name) }
        let path = PathExpansion.expand(name, environment: environment)
        let yaml: String
        do {
            yaml = try BoundedYAML.read(path)
        } catch .missing {
            throw .unreadable(
                theme: name, reason: "no such theme or file; built in: \(builtinNames.joined(separator: ", "))")
        } catch {
            throw .unreadable(theme: name, reason: "the file is \(error)")
        }
        return try parse(yaml, name: name)
    }

    /// Parses theme YAML: `name:` and `roles:` mapping each role to `{fg, bg, bold, dim, underline, reverse}`.
    public static func parse(_ yaml: String, name: String) throws(ThemeError) -> Theme {
        let document: Any?
        do {
            document = try BoundedYAML.load(yaml)
        } catch let refusal as BoundedYAML.Refusal {
            let place = refusal.mark.map { "line \($0.line), column \($0.column): " } ?? ""
            throw .unreadable(theme: name, reason: place + refusal.reason)
        } catch {
            // Yams's own description runs over several lines with a snippet; say where, in one line.
            let placed = ConfigError(path: name, yamlError: error, yaml: yaml)
            let place = placed.line.map { "line \($0), column \(placed.column ?? 1): " } ?? ""
            throw .unreadable(theme: name, reason: place + placed.reason)
        }
        guard let root = document as? [String: Any], let roles = root["roles"] as? [String: Any] else {
            throw .unreadable(theme: name, reason: "expected a mapping with a `roles:` mapping")
        }
        var entries: [String: StyleSpec] = [:]
        for (role, value) in roles {
            guard let fields = value as? [String: Any] else {
                throw .unreadable(theme: name, reason: "\(role) must be a mapping like {fg: red, bold: true}")
            }
            entries[role] = try spec(fields, theme: name, role: role)
        }
        var theme = try Theme(name: name, entries: entries)
        theme.name = (root["name"] as? String) ?? name
        return theme
    }

    private static func spec(_ fields: [String: Any], theme: String, role: String) throws(ThemeError) -> StyleSpec {
        var spec = StyleSpec()
        for (key, value) in fields {
            switch key {
            case "fg": spec.foreground = "\(value)"
            case "bg": spec.background = "\(value)"
            case "bold", "dim", "underline", "reverse":
                if value as? Bool == true { spec.attributes.insert(key) }
            default:
                throw .badAttribute(theme: theme, role: role, value: key)
            }
        }
        return spec
    }
}
