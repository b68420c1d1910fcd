import DashboardCore
import Foundation
import TerminalUI

/// The status bar: host, user, orgs on the left; read-only badge, rate limit and connection on the right.
enum HeaderView {
    static func draw(_ state: DashboardState, in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect, .header)
        var x = rect.x + canvas.text(" migdash ", x: rect.x, y: rect.y, width: rect.width, .headerTitle)
        let who = [state.session.host, state.user ?? "…", state.orgs.joined(separator: ", ")]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        let right = rightText(state)
        let rightWidth = DisplayWidth.of(right.map(\.0).joined())
        x += canvas.text(" " + who, x: x, y: rect.y, width: max(0, rect.width - (x - rect.x) - rightWidth - 1), .header)
        var rx = rect.x + rect.width - rightWidth - 1
        for (text, role) in right {
            rx += canvas.text(text, x: rx, y: rect.y, width: rect.x + rect.width - rx, role)
        }
    }

    /// The right side as parts with their roles.
    static func rightText(_ state: DashboardState) -> [(String, ThemeRole)] {
        let format = TimeFormat.utc
        var parts: [(String, ThemeRole)] = []
        if state.session.readOnly { parts.append((" READ-ONLY ", .statusReadOnly)) }
        if let limit = state.rateLimit {
            parts.append(("  rate \(limit.remaining)/\(limit.limit) · resets \(format.clock(limit.reset))", .header))
        }
        let refreshed = state.lastRefresh.map { " · data from \(format.clockSeconds($0))" } ?? ""
        switch state.connection {
        case .connecting:
            parts.append(("  connecting…", .statusStale))
        case .live:
            parts.append(("  live · \(state.lastRefresh.map(format.clock) ?? "")", .statusLive))
        case .retrying(let at):
            let wait = max(0, Int(at.timeIntervalSince(state.now).rounded(.up)))
            parts.append(("  retrying in \(wait)s\(refreshed)", .statusStale))
        case .offline(let since):
            parts.append(("  offline since \(format.clock(since))\(refreshed)", .statusStale))
        case .rateLimited(let until):
            parts.append(("  rate limited until \(format.clock(until))\(refreshed)", .statusStale))
        }
        return parts
    }
}
