import TerminalUI

/// A dialog of text laid out for the screen: its box, its lines wrapped to the box's width, and the part
/// scrolled into view. Built in the core so that what the views draw and what the scroll keys move
/// through are the same lines.
public struct DialogPage: Sendable, Equatable {
    /// A piece of a line: text from a column of the dialog's text area, in a role.
    public struct Span: Sendable, Equatable {
        /// The text, already fitted to the line.
        public var text: String
        /// The column it starts at, from the left of the text area.
        public var x: Int
        /// Its role.
        public var role: ThemeRole

        /// A span.
        public init(_ text: String, x: Int = 0, _ role: ThemeRole) {
            self.text = text
            self.x = x
            self.role = role
        }
    }

    /// One line of a dialog: its spans, left to right.
    public typealias Line = [Span]

    /// A `label value` pair of a table, with the value's role.
    public struct Row: Sendable, Equatable {
        /// The label, `state`.
        public var label: String
        /// The value, `exported`.
        public var value: String
        /// The value's role.
        public var role: ThemeRole

        /// A row; its value in the dialog's own role unless given.
        public init(_ label: String, _ value: String, _ role: ThemeRole = .dialog) {
            self.label = label
            self.value = value
            self.role = role
        }
    }

    /// The title in the top border.
    public var title: String
    /// Every line, wrapped to `textWidth`.
    public var lines: [Line]
    /// The bottom line: keys, or a filter being typed.
    public var footer: Line
    /// The box, borders included, centred on the screen.
    public var box: Rect
    /// Drawn as a warning (a destructive question).
    public var danger: Bool
    /// The first line shown, within `0...maxTop`.
    public private(set) var top: Int

    /// Lays out a dialog of at most `preferredWidth` columns on a screen: `build` makes the lines for
    /// the width of text the box leaves; the box is as tall as they need or the screen allows.
    public init(
        title: String, preferredWidth: Int, screen: Size, top: Int = 0, danger: Bool = false,
        footer: Line, scrollKeys: String, build: (Int) -> [Line]
    ) {
        let width = max(8, min(preferredWidth, screen.width - 2))
        lines = build(width - 4)
        let height = max(5, min(lines.count + 4, screen.height - 2))
        box = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        self.title = title
        self.danger = danger
        self.footer = footer
        self.top = 0
        if lines.count > visibleLines, !scrollKeys.isEmpty {
            self.footer.append(Span(" · " + scrollKeys, x: Self.width(of: footer), .dialogMuted))
        }
        self.top = clamped(top)
    }

    /// Columns of text a line holds.
    public var textWidth: Int { box.width - 4 }
    /// Lines shown at once (a blank line and the footer take the rest of the box).
    public var visibleLines: Int { max(1, box.height - 4) }
    /// The last useful `top`: the one that shows the last line at the bottom.
    public var maxTop: Int { max(0, lines.count - visibleLines) }
    /// The lines on screen.
    public var visible: ArraySlice<Line> { lines[top..<min(lines.count, top + visibleLines)] }

    /// `1-9/27 ↓`, `10-18/27 ↑↓`: which lines show and which way there is more; nil when all show.
    public var position: String? {
        guard lines.count > visibleLines else { return nil }
        let end = min(lines.count, top + visibleLines)
        let arrows = (top > 0 ? "↑" : "") + (end < lines.count ? "↓" : "")
        return "\(top + 1)-\(end)/\(lines.count) \(arrows)"
    }

    /// `top` kept within the text, so scrolling stops at either end.
    public func clamped(_ top: Int) -> Int { min(max(0, top), maxTop) }

    /// The width of a line's text, from its first column to the end of its last span.
    static func width(of line: Line) -> Int {
        line.map { $0.x + DisplayWidth.of($0.text) }.max() ?? 0
    }

    /// A paragraph wrapped to `width` in one role.
    public static func paragraph(_ text: String, width: Int, _ role: ThemeRole) -> [Line] {
        TextWrap.lines(text, width: width).map { [Span($0, role)] }
    }

    /// A table of `label value` rows: labels (muted) in a column as wide as the longest (at most
    /// `maxLabel`, and at most half the text), values beside them; both wrap, so nothing is cut.
    public static func table(_ rows: [Row], width: Int, maxLabel: Int) -> [Line] {
        let longest = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
        let labelWidth = max(1, min(longest, maxLabel, width / 2))
        let valueX = labelWidth + 2
        let valueWidth = max(1, width - valueX)
        var lines: [Line] = []
        for row in rows {
            // Indented labels (a report's details) keep their indent on every line.
            let indent = row.label.prefix { $0 == " " }.count
            let labels = TextWrap.lines(String(row.label.dropFirst(indent)), width: max(1, labelWidth - indent))
                .map { String(repeating: " ", count: indent) + $0 }
            let values = TextWrap.lines(row.value, width: valueWidth)
            for index in 0..<max(labels.count, values.count) {
                var line: Line = []
                if index < labels.count, !labels[index].allSatisfy({ $0 == " " }) {
                    line.append(Span(labels[index], .dialogMuted))
                }
                if index < values.count, !values[index].isEmpty {
                    line.append(Span(values[index], x: valueX, row.role))
                }
                lines.append(line)
            }
        }
        return lines
    }
}

extension DialogPage {
    /// The page of an overlay that shows text (help, details, archive, a confirmation); nil for forms.
    public static func page(for overlay: Overlay, in state: DashboardState) -> DialogPage? {
        switch overlay {
        case .help(let help): .help(help, in: state)
        case .details(let target, let top): .details(target, top: top, in: state)
        case .archive(let key, let top): .archive(key, top: top, in: state)
        case .confirm(let confirmation): .confirm(confirmation, in: state)
        case .locked(let list): .locked(list, in: state)
        case .newMigration, .newImport, .authors, .lfs, .importCredentials, .projectChoice: nil
        }
    }
}
