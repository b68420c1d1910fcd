import ArchiveModel
import Foundation
import TerminalUI

extension DialogPage {
    /// `Enter` on a downloaded archive: its file, verdict, SHA-256, schema, records per kind, every
    /// repository and the attachments. Wide enough for the whole SHA-256 on one line where the screen
    /// allows (a hash cut short cannot be compared); narrower, it wraps, and the list scrolls.
    public static func archive(_ key: MigrationKey, top: Int = 0, in state: DashboardState) -> DialogPage {
        let rows = archiveRows(key, in: state)
        let labels = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
        let values = rows.map { DisplayWidth.of($0.value) }.max() ?? 0
        return DialogPage(
            title: "Archive of \(key)", preferredWidth: max(84, min(labels, 28) + 2 + values + 4),
            screen: state.size, top: top, footer: [Span("Enter migration details · Esc close", .dialogMuted)],
            scrollKeys: "j/k scroll"
        ) { width in table(rows, width: width, maxLabel: 28) }
    }

    /// The file, then the reading or where it stands.
    static func archiveRows(_ key: MigrationKey, in state: DashboardState) -> [Row] {
        let path = state.downloaded[key] ?? "-"
        let file = Row("file", (path as NSString).lastPathComponent)
        switch state.inspections[key] {
        case .read(_, let report)?:
            return [file]
                + report.lines().map { line in
                    let problem = line.label == "verdict" && line.value != ArchiveVerdict.intact.summary
                    return Row(line.label, line.value, problem ? .dialogError : .dialog)
                }
        case .failed(_, let reason)?:
            return [file, Row("problem", reason, .dialogError)]
        case .reading?, nil:
            return [file, Row("", "reading the archive…", .dialogMuted)]
        }
    }
}
