import Foundation
import GitHubMigrations

extension DialogPage {
    /// A migration's export: how long it took or has been taking, and what is likely left.
    static func exportRows(_ key: MigrationKey, _ migration: Migration, in state: DashboardState) -> [Row] {
        guard let span = state.exportSpan(key) else { return [] }
        let took = TimeFormat.duration(span.seconds)
        var rows: [Row]
        if span.finished {
            rows = [
                Row(
                    "export took",
                    span.approximate ? "about \(took) at most (~: migdash was not watching throughout)" : took)
            ]
        } else {
            let under = migration.state == .pending ? "pending for" : "exporting for"
            rows = [Row(under, span.approximate ? "\(took) at least (~: under way before migdash looked)" : took)]
            if let estimate = state.exportEstimate(key) {
                rows.append(Row("estimate", estimate.text, estimate.remaining > 0 ? .dialog : .dialogEmphasis))
            } else if state.repositoryCount(key) != nil {
                rows.append(Row("estimate", "none yet: no export migdash watched from start to end", .dialogMuted))
            }
        }
        return rows
    }

    /// A migration's history from the journal, oldest first: states observed (`~` when reached before
    /// migdash looked), requests with status and request id, downloads.
    static func historyRows(_ key: MigrationKey, in state: DashboardState) -> [Row] {
        switch state.exports.history[key] {
        case nil, .loading?:
            return [Row("history", "loading…", .dialogMuted)]
        case .unavailable(let reason)?:
            return [Row("history", reason, .dialogMuted)]
        case .loaded(let lines, let earlier)?:
            if lines.isEmpty { return [Row("history", "nothing recorded yet", .dialogMuted)] }
            let legend = "~ marks a state reached before migdash looked"
            var rows = [Row("history", earlier > 0 ? "\(legend); \(earlier) earlier lines not shown" : legend)]
            let format = state.session.timeFormat
            for line in lines {
                // The zone is the same on every line: said once, in `created`, so the label stays short.
                let stamp = format.timestamp(line.at)
                let time = String(stamp.dropLast(format.zoneLabel(at: line.at).count + 1))
                rows.append(Row((line.approximate ? "~ " : "  ") + time, line.text, role(of: line.kind)))
            }
            return rows
        }
    }

    /// The colour of a history line.
    private static func role(of kind: HistoryLine.Kind) -> ThemeRole {
        switch kind {
        case .state, .download: .dialog
        case .request: .dialogEmphasis
        case .failedRequest: .dialogError
        }
    }
}
