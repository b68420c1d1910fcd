import Foundation
import TerminalUI

extension Reducer {
    /// Something finished that the user may be waiting for (an export, an import, a download): the one
    /// place that decides how to say so. The bell rings now (`bell`, on by default); a desktop
    /// notification (`notify`, off by default) is noted and sent with the others of the next
    /// `AlertTally.window` seconds, so many finishing at once make one notification.
    static func alert(_ state: inout DashboardState, _ kind: AlertTally.Kind, _ text: String) -> [Effect] {
        if state.session.notifications != nil { state.alerts.add(kind, text, at: state.now) }
        return state.session.bell ? [.bell] : []
    }

    /// The notifications of the last `AlertTally.window` seconds as one, at the first tick after the window;
    /// nothing when there were none or they are off.
    static func sendAlerts(_ state: inout DashboardState) -> [Effect] {
        if let since = state.alerts.since, state.now < since.addingTimeInterval(AlertTally.window) { return [] }
        defer { state.alerts = AlertTally() }
        guard let via = state.session.notifications, let body = state.alerts.summary else { return [] }
        return [.notify(title: notificationTitle(state.session), body: body, via: via)]
    }

    /// "migdash · github.com": which dashboard speaks, for those who watch several hosts.
    static func notificationTitle(_ session: SessionInfo) -> String {
        "migdash · \(session.host)"
    }
}
