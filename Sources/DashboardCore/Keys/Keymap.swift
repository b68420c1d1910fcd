import TerminalUI

/// The one table of key bindings: it drives dispatch, the footer, the `?` overlay and docs/keybindings.md.
public struct Keymap: Sendable, Equatable {
    /// The bindings, in the order the help lists them.
    public private(set) var bindings: [KeyBinding]

    /// Creates a keymap from bindings.
    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// migdash's defaults.
    public static let defaults = Keymap(bindings: [
        KeyBinding(.tab, .nextPane), KeyBinding(.backTab, .previousPane),
        KeyBinding(.character("1"), .focusMigrations), KeyBinding(.character("2"), .focusRepositories),
        KeyBinding(.character("3"), .focusImports), KeyBinding(.character("4"), .focusActivity),
        KeyBinding(.character("j"), .moveDown), KeyBinding(.down, .moveDown),
        KeyBinding(.character("k"), .moveUp), KeyBinding(.up, .moveUp),
        KeyBinding(.character("g"), .first), KeyBinding(.home, .first),
        KeyBinding(.character("G"), .last), KeyBinding(.end, .last),
        KeyBinding(.pageUp, .pageUp), KeyBinding(.pageDown, .pageDown),
        KeyBinding(.enter, .details),
        KeyBinding(.character("n"), .newMigration), KeyBinding(.character("u"), .unlock),
        KeyBinding(.character("d"), .download), KeyBinding(.character("x"), .deleteArchive),
        KeyBinding(.character("i"), .newImport), KeyBinding(.character("a"), .mapAuthors),
        KeyBinding(.character("l"), .lfsPreference), KeyBinding(.character("c"), .cancelImport),
        KeyBinding(.character(" "), .mark), KeyBinding(.character("*"), .markAll), KeyBinding(.escape, .clearMarks),
        KeyBinding(.character("U"), .unlockAll), KeyBinding(.character("D"), .cancelDownload),
        KeyBinding(.character("L"), .lockedRepositories),
        KeyBinding(.character("r"), .refresh), KeyBinding(.character("/"), .filter),
        KeyBinding(.character("s"), .cycleSort), KeyBinding(.character("?"), .help),
        KeyBinding(.control("z"), .suspend),
        KeyBinding(.character("q"), .quit), KeyBinding(.control("c"), .quit),
        KeyBinding(.character("y"), .copyID), KeyBinding(.character("Y"), .copyLink),
    ])

    /// The command a key runs, if any.
    public func command(for key: Key) -> Command? {
        bindings.first { $0.key == key }?.command
    }

    /// The keys that run a command, in table order.
    public func keys(for command: Command) -> [Key] {
        bindings.filter { $0.command == command }.map(\.key)
    }

    /// Replaces the keys of some commands: `overrides` maps a command name to key names.
    /// Fails with a message naming the first unknown command or key, so a typo is never silently ignored.
    /// Ctrl-C always stays bound to quit, so the user can never lose the way out.
    public func overriding(with overrides: [String: [String]]) -> Result<Keymap, KeymapError> {
        var result = bindings
        for (name, keyNames) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let command = Command(rawValue: name) else { return .failure(.unknownCommand(name)) }
            var keys: [Key] = []
            for keyName in keyNames {
                guard let key = Key(name: keyName), key != .resize else { return .failure(.unknownKey(keyName)) }
                keys.append(key)
            }
            result.removeAll { $0.command == command || keys.contains($0.key) }
            result += keys.map { KeyBinding($0, command) }
        }
        if !result.contains(KeyBinding(.control("c"), .quit)) {
            result.removeAll { $0.key == .control("c") }
            result.append(KeyBinding(.control("c"), .quit))
        }
        return .success(Keymap(bindings: result))
    }
}

/// Why a key table from a file was refused.
public enum KeymapError: Error, Equatable, CustomStringConvertible {
    case unknownCommand(String)
    case unknownKey(String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .unknownCommand(let name):
            "unknown command \"\(name)\" in the key bindings; known: "
                + Command.allCases.map(\.rawValue).joined(separator: ", ")
        case .unknownKey(let name): "unknown key \"\(name)\" in the key bindings"
        }
    }
}
