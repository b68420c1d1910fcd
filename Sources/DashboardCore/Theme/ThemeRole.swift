import TerminalUI

/// The catalogue of semantic roles every theme must style. Views draw with these, never with colours.
public enum ThemeRole: String, CaseIterable, Sendable {
    case normal = "text.normal"
    case muted = "text.muted"
    case emphasis = "text.emphasis"
    case header = "header"
    case headerTitle = "header.title"
    case paneBorder = "pane.border"
    case paneBorderFocused = "pane.border.focused"
    case paneTitle = "pane.title"
    case paneTitleFocused = "pane.title.focused"
    case columnHeader = "column.header"
    case selection = "row.selected"
    case selectionUnfocused = "row.selected.unfocused"
    case marked = "row.marked"
    case statePending = "state.pending"
    case stateExporting = "state.exporting"
    case stateExported = "state.exported"
    case stateFailed = "state.failed"
    case stateUnknown = "state.unknown"
    case locked = "repo.locked"
    case unlocked = "repo.unlocked"
    case expiryWarning = "archive.expiring"
    case downloaded = "archive.downloaded"
    case progressDone = "progress.done"
    case progressTodo = "progress.todo"
    case importActive = "import.active"
    case importComplete = "import.complete"
    case importProblem = "import.problem"
    case activityChange = "activity.change"
    case activityAction = "activity.action"
    case activityError = "activity.error"
    case statusBar = "status.bar"
    case statusLive = "status.live"
    case statusStale = "status.stale"
    case statusReadOnly = "status.readonly"
    case footer = "footer"
    case footerKey = "footer.key"
    case dialog = "dialog"
    case dialogBorder = "dialog.border"
    case dialogTitle = "dialog.title"
    case dialogField = "dialog.field"
    case dialogFieldFocused = "dialog.field.focused"
    case dialogMuted = "dialog.muted"
    case dialogEmphasis = "dialog.emphasis"
    case dialogError = "dialog.error"
    case dialogKey = "dialog.key"
    case danger = "dialog.danger"
    case error = "error"

    /// For roles added after themes were first shared: the role whose style a theme file without this one
    /// lends it, so a user's theme from an earlier version still loads.
    public var fallback: ThemeRole? {
        switch self {
        case .marked: .emphasis
        default: nil
        }
    }

    /// The role value views draw with.
    public var role: Role { Role(rawValue: rawValue) }

    /// One letter per role for screen snapshots' role maps.
    public var letter: Character {
        switch self {
        case .normal: "."
        case .muted: "m"
        case .emphasis: "E"
        case .header: "h"
        case .headerTitle: "H"
        case .paneBorder: "b"
        case .paneBorderFocused: "B"
        case .paneTitle: "t"
        case .paneTitleFocused: "T"
        case .columnHeader: "c"
        case .selection: "S"
        case .selectionUnfocused: "s"
        case .marked: "*"
        case .statePending: "p"
        case .stateExporting: "x"
        case .stateExported: "X"
        case .stateFailed: "F"
        case .stateUnknown: "?"
        case .locked: "L"
        case .unlocked: "l"
        case .expiryWarning: "W"
        case .downloaded: "D"
        case .progressDone: "#"
        case .progressTodo: "-"
        case .importActive: "i"
        case .importComplete: "I"
        case .importProblem: "!"
        case .activityChange: "a"
        case .activityAction: "A"
        case .activityError: "e"
        case .statusBar: "z"
        case .statusLive: "V"
        case .statusStale: "O"
        case .statusReadOnly: "R"
        case .footer: "f"
        case .footerKey: "k"
        case .dialog: "d"
        case .dialogBorder: "o"
        case .dialogTitle: "g"
        case .dialogField: "y"
        case .dialogFieldFocused: "Y"
        case .dialogMuted: "n"
        case .dialogEmphasis: "N"
        case .dialogError: "q"
        case .dialogKey: "K"
        case .danger: "!"
        case .error: "r"
        }
    }

    /// The role to draw with inside a dialog: text roles meant for the panes (drawn on the terminal's
    /// background) become their dialog counterparts, so every cell of a dialog has the dialog's background.
    public var inDialog: ThemeRole {
        switch self {
        case .normal: .dialog
        case .muted, .progressTodo: .dialogMuted
        case .emphasis: .dialogEmphasis
        case .error, .activityError, .stateFailed, .importProblem: .dialogError
        case .footerKey: .dialogKey
        default: self
        }
    }

    /// The role-map letter for any role (`~` for a role outside the catalogue).
    public static func letter(for role: Role) -> Character {
        ThemeRole(rawValue: role.rawValue)?.letter ?? "~"
    }
}

extension Role {
    /// The catalogue role of this name.
    public static func theme(_ role: ThemeRole) -> Role { role.role }
}
