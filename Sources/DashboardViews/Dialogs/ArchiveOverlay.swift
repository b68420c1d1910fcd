import ArchiveModel
import DashboardCore
import Foundation
import TerminalUI

/// `Enter` on a downloaded archive: its verdict, schema version, records per kind, repositories, attachments.
enum ArchiveOverlay {
    static func draw(_ key: MigrationKey, state: DashboardState, on canvas: inout Canvas) {
        // Border, inner margin and footer take five rows; the rest is for lines.
        let room = max(3, canvas.grid.height - 2 - 5)
        let lines = content(key, state: state, room: room)
        // Wide enough for the file name and the whole SHA-256 when the terminal allows (a hash cut
        // short cannot be compared); narrower terminals cut values with `…`.
        let longest = lines.map { DisplayWidth.of($0.value) }.max() ?? 0
        let inner = canvas.dialog(width: max(84, 33 + longest), height: lines.count + 4, title: "Archive of \(key)")
        let valueWidth = inner.width - 31
        for (index, line) in lines.enumerated() where index < inner.height - 1 {
            let problem = line.label == "verdict" && line.value != ArchiveVerdict.intact.summary
            canvas.text(DisplayWidth.pad(line.label, to: 28), x: inner.x + 1, y: inner.y + index, width: 28, .muted)
            canvas.text(
                DisplayWidth.truncate(line.value, to: valueWidth), x: inner.x + 30, y: inner.y + index,
                width: valueWidth, problem ? .error : .dialog)
        }
        canvas.dialogFooter("Enter migration details · Esc close", problem: nil, in: inner)
    }

    /// The overlay's lines: the file, then the reading (or where it stands), fitted into `room` rows by
    /// listing fewer repositories.
    static func content(_ key: MigrationKey, state: DashboardState, room: Int) -> [ArchiveReport.Line] {
        let path = state.downloaded[key] ?? "-"
        let file = ArchiveReport.Line(label: "file", value: (path as NSString).lastPathComponent)
        switch state.inspections[key] {
        case .read(_, let report)?:
            var lines = [file] + report.lines()
            if lines.count > room {
                let limit = max(0, report.repositories.count - (lines.count - room) - 1)
                lines = [file] + report.lines(repositoryLimit: limit)
            }
            return lines
        case .failed(_, let reason)?:
            return [file, ArchiveReport.Line(label: "problem", value: reason)]
        case .reading?, nil:
            return [file, ArchiveReport.Line(label: "", value: "reading the archive…")]
        }
    }
}
