/// Reads the parts of a captured dashboard screen that tests look at.
enum Screen {
    /// The status bar: the first line.
    static func header(_ screen: String) -> Substring {
        screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
    }

    /// The footer: the last line, where keys and notices are shown.
    static func footer(_ screen: String) -> Substring {
        screen.split(separator: "\n").last ?? ""
    }

    /// The migrations pane's line for migration `id`, or nil when it is not shown.
    static func migrationRow(_ id: Int, in screen: String) -> Substring? {
        screen.split(separator: "\n").first { line in
            line.hasPrefix("│") && line.prefix(12).contains(" \(id) ")
        }
    }

    /// True when migration `id`'s row carries the mark: `*` right after the selection marker's column.
    static func isMarked(_ id: Int, in screen: String) -> Bool {
        migrationRow(id, in: screen)?.dropFirst(2).hasPrefix("*") == true
    }

    /// The id of the selected migration: the row marked `▸` at the left edge (and `*` after it when marked).
    static func selectedMigration(_ screen: String) -> Int? {
        for line in screen.split(separator: "\n") where line.hasPrefix("│▸") {
            let words = line.dropFirst(2).drop { $0 == "*" }.split(separator: " ")
            if let first = words.first, let id = Int(first) { return id }
        }
        return nil
    }

    /// The Repositories pane's row for `name` (`octo-org/website`): from the name to the pane's right border.
    static func repositoryRow(_ name: String, in screen: String) -> Substring? {
        for line in screen.split(separator: "\n") {
            guard let start = line.range(of: " \(name) ")?.lowerBound else { continue }
            let rest = line[start...]
            return rest.prefix { $0 != "│" }
        }
        return nil
    }

    /// True when the Repositories pane shows `name` as locked, not unlocked.
    static func showsLocked(_ name: String, in screen: String) -> Bool {
        guard let row = repositoryRow(name, in: screen) else { return false }
        return row.contains("locked") && !row.contains("unlocked")
    }

    /// The Activity pane's lines.
    static func activity(_ screen: String) -> [Substring] {
        let lines = screen.split(separator: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("┌─ Activity") }) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.hasPrefix("└") })
    }

    /// The words of `stty -a` output: modes such as `icanon` or `-echo`.
    static func terminalModes(_ screen: String) -> Set<String> {
        Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    }
}
