import TerminalUI

/// A theme: a style for every role in the catalogue. Loaded from YAML by the app; validated here.
public struct Theme: Sendable, Equatable {
    /// The theme's name.
    public var name: String
    /// The style of each role.
    public private(set) var styles: [String: Style]

    /// Validates a theme: every catalogue role must be styled and no unknown role may appear.
    /// `entries` maps a role name to its style description.
    public init(name: String, entries: [String: StyleSpec]) throws(ThemeError) {
        let known = Set(ThemeRole.allCases.map(\.rawValue))
        if let unknown = entries.keys.sorted().first(where: { !known.contains($0) }) {
            throw .unknownRole(theme: name, role: unknown)
        }
        var entries = entries
        // A theme written before a role existed takes that role from the one it was added beside.
        for role in ThemeRole.allCases where entries[role.rawValue] == nil {
            if let older = role.fallback, let spec = entries[older.rawValue] { entries[role.rawValue] = spec }
        }
        let missing = ThemeRole.allCases.map(\.rawValue).filter { entries[$0] == nil }
        if !missing.isEmpty { throw .missingRoles(theme: name, roles: missing) }
        var styles: [String: Style] = [:]
        for (role, spec) in entries { styles[role] = try spec.style(theme: name, role: role) }
        self.name = name
        self.styles = styles
    }

    /// The style of a role; plain text for a role outside the catalogue.
    public func style(_ role: Role) -> Style { styles[role.rawValue] ?? .plain }

    /// The same theme with every colour removed, for `NO_COLOR` and monochrome terminals:
    /// emphasis survives as bold, underline and reverse.
    public var withoutColor: Theme {
        var copy = self
        copy.styles = styles.mapValues { style in
            var plain = style
            plain.foreground = .default
            plain.background = .default
            return plain
        }
        return copy
    }
}

/// A style as a theme file writes it: `{fg: red, bg: default, bold: true}`.
public struct StyleSpec: Sendable, Equatable {
    /// Foreground colour name or number.
    public var foreground: String?
    /// Background colour name or number.
    public var background: String?
    /// Attributes: bold, dim, underline, reverse.
    public var attributes: Set<String>

    /// Creates a spec.
    public init(foreground: String? = nil, background: String? = nil, attributes: Set<String> = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    func style(theme: String, role: String) throws(ThemeError) -> Style {
        func color(_ name: String?) throws(ThemeError) -> Color {
            guard let name else { return .default }
            guard let value = Color(name: name) else { throw .badColor(theme: theme, role: role, value: name) }
            return value
        }
        let allowed: Set<String> = ["bold", "dim", "underline", "reverse"]
        if let odd = attributes.subtracting(allowed).sorted().first {
            throw .badAttribute(theme: theme, role: role, value: odd)
        }
        return Style(
            foreground: try color(foreground), background: try color(background), bold: attributes.contains("bold"),
            dim: attributes.contains("dim"), underline: attributes.contains("underline"),
            reverse: attributes.contains("reverse"))
    }
}

/// Why a theme was refused, in words that name the file's problem.
public enum ThemeError: Error, Equatable, CustomStringConvertible {
    case unknownRole(theme: String, role: String)
    case missingRoles(theme: String, roles: [String])
    case badColor(theme: String, role: String, value: String)
    case badAttribute(theme: String, role: String, value: String)
    case unreadable(theme: String, reason: String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .unknownRole(let theme, let role): "theme \(theme): unknown role \"\(role)\""
        case .missingRoles(let theme, let roles): "theme \(theme): no style for \(roles.joined(separator: ", "))"
        case .badColor(let theme, let role, let value): "theme \(theme): \(role) has unknown colour \"\(value)\""
        case .badAttribute(let theme, let role, let value):
            "theme \(theme): \(role) has unknown attribute \"\(value)\" (use bold, dim, underline, reverse)"
        case .unreadable(let theme, let reason): "theme \(theme): \(reason)"
        }
    }
}
