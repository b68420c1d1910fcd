/// Everything a key can ask for. Key bindings map keys to commands; the reducer acts on commands,
/// so confirmation and read-only rules belong to the command and survive any rebinding.
public enum Command: String, CaseIterable, Sendable, Hashable {
    case nextPane = "next-pane"
    case previousPane = "previous-pane"
    case focusMigrations = "focus-migrations"
    case focusRepositories = "focus-repositories"
    case focusImports = "focus-imports"
    case focusActivity = "focus-activity"
    case moveDown = "down"
    case moveUp = "up"
    case first, last
    case pageUp = "page-up"
    case pageDown = "page-down"
    case details
    case newMigration = "new-migration"
    case unlock
    case download
    case deleteArchive = "delete-archive"
    case newImport = "new-import"
    case mapAuthors = "map-authors"
    case lfsPreference = "lfs-preference"
    case cancelImport = "cancel-import"
    case refresh
    case filter
    case cycleSort = "sort"
    case mark
    case markAll = "mark-all"
    case clearMarks = "clear-marks"
    case unlockAll = "unlock-all"
    case cancelDownload = "cancel-download"
    case lockedRepositories = "locked"
    case copyID = "copy-id"
    case copyLink = "copy-link"
    case help
    case suspend
    case quit

    /// What the command does, for the footer, the help overlay and docs/keybindings.md.
    public var summary: String {
        switch self {
        case .nextPane: "next pane"
        case .previousPane: "previous pane"
        case .focusMigrations: "focus Migrations"
        case .focusRepositories: "focus Repositories"
        case .focusImports: "focus Source imports"
        case .focusActivity: "focus Activity"
        case .moveDown: "move down"
        case .moveUp: "move up"
        case .first: "first row"
        case .last: "last row"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .details: "details"
        case .newMigration: "new migration"
        case .unlock: "unlock repository"
        case .download: "download archive"
        case .deleteArchive: "delete archive"
        case .newImport: "new source import"
        case .mapAuthors: "map commit authors"
        case .lfsPreference: "LFS preference"
        case .cancelImport: "cancel import"
        case .mark: "mark or unmark the row, then move down"
        case .markAll: "mark every row shown (again: unmark)"
        case .clearMarks: "clear the marks"
        case .unlockAll: "unlock all the migration locked"
        case .cancelDownload: "cancel a queued or running download"
        case .lockedRepositories: "list locked repositories, to unlock"
        case .refresh: "refresh now"
        case .filter: "filter"
        case .cycleSort: "cycle sort"
        case .help: "help"
        case .suspend: "suspend to the shell (fg returns)"
        case .quit: "quit"
        case .copyID: "copy id or name to the clipboard"
        case .copyLink: "copy archive path or link to the clipboard"
        }
    }

    /// A short label for the footer.
    public var hint: String {
        switch self {
        case .newMigration: "new"
        case .unlock: "unlock"
        case .download: "download"
        case .deleteArchive: "delete archive"
        case .newImport: "import"
        case .mapAuthors: "authors"
        case .lfsPreference: "lfs"
        case .cancelImport: "cancel import"
        case .mark: "mark"
        case .clearMarks: "unmark"
        case .unlockAll: "unlock all"
        case .cancelDownload: "cancel download"
        case .lockedRepositories: "locked"
        case .refresh: "refresh"
        case .filter: "filter"
        case .cycleSort: "sort"
        case .help: "help"
        case .quit: "quit"
        case .details: "details"
        default: summary
        }
    }

    /// Commands that change something on GitHub; `--readonly` disables them.
    public var isMutating: Bool {
        [.newMigration, .unlock, .unlockAll, .deleteArchive, .newImport, .mapAuthors, .lfsPreference, .cancelImport]
            .contains(self)
    }

    /// Commands that destroy or release something; they always ask for confirmation first.
    public var isDestructive: Bool { [.unlock, .unlockAll, .deleteArchive, .cancelImport].contains(self) }

    /// The panes where the command does something; nil means everywhere.
    public var panes: Set<PaneID>? {
        switch self {
        case .download, .deleteArchive, .cancelDownload, .unlockAll: [.migrations]
        case .unlock: [.migrations, .repositories]
        case .mark, .markAll, .clearMarks: [.migrations, .repositories, .imports]
        case .mapAuthors, .lfsPreference, .cancelImport: [.imports]
        case .copyLink: [.migrations, .repositories, .imports]
        case .filter, .cycleSort: [.migrations, .repositories, .imports]
        default: nil
        }
    }

    /// True when the footer of a pane shows this command.
    public func isHinted(in pane: PaneID) -> Bool {
        switch self {
        case .newMigration, .newImport, .refresh, .help, .quit: true
        case .download, .deleteArchive, .unlock, .mapAuthors, .lfsPreference, .cancelImport, .filter, .details,
            .mark, .clearMarks:
            panes?.contains(pane) ?? true
        default: false
        }
    }
}
