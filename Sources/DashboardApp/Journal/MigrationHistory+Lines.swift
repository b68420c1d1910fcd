import DashboardCore
import Journal
import TerminalUI

extension MigrationHistory {
    /// The history as the details show it, in the core's plain values: states observed and actions taken,
    /// oldest first, the latest `HistoryLoad.lineLimit` of them.
    var load: HistoryLoad {
        let states = observations.map { observation in
            HistoryLine(
                at: observation.at, kind: .state,
                text: TerminalText.safe(observation.state?.rawValue ?? "left GitHub's list"),
                approximate: observation.approximate)
        }
        let actions = actions.map { entry in
            let kind: HistoryLine.Kind =
                switch entry.kind {
                case .mutation: entry.mutation?.failure == nil ? .request : .failedRequest
                default: .download
                }
            return HistoryLine(at: entry.at, kind: kind, text: TerminalText.safe(entry.text))
        }
        // Both lists are oldest first; at the same time a state comes before the action it led to.
        let merged = (states + actions).enumerated().sorted {
            $0.element.at != $1.element.at ? $0.element.at < $1.element.at : $0.offset < $1.offset
        }.map(\.element)
        return HistoryLoad.latest(merged)
    }
}
