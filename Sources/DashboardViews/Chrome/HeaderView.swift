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
        // A narrow terminal keeps the host in view by leaving out when the rate limit resets.
        var right = rightText(state)
        if DisplayWidth.of(right.map(\.0).joined()) > rect.width - 24 { right = rightText(state, compact: true) }
        let rightWidth = DisplayWidth.of(right.map(\.0).joined())
        x += canvas.text(" " + who, x: x, y: rect.y, width: max(0, rect.width - (x - rect.x) - rightWidth - 1), .header)
        var rx = rect.x + rect.width - rightWidth - 1
        for (text, role) in right {
            rx += canvas.text(text, x: rx, y: rect.y, width: rect.x + rect.width - rx, role)
        }
    }

    /// The right side as parts with their roles.
    static func rightText(_ state: DashboardState, compact: Bool = false) -> [(String, ThemeRole)] {
        let format = TimeFormat.utc
        var parts: [(String, ThemeRole)] = []
        if state.session.readOnly { parts.append((" READ-ONLY ", .statusReadOnly)) }
        if let limit = state.rateLimit {
            // While the limit is spent the last count seen is out of date: nothing is left until the reset.
            let remaining = state.connection.isRateLimited ? 0 : limit.remaining
            let reset = compact ? "" : " · resets \(format.clock(limit.reset))"
            parts.append(("  rate \(remaining)/\(limit.limit)\(reset)", .header))
        }
        if let pause = state.apiPause, pause.until > state.now {
            let wait = TimeFormat.duration(pause.until.timeIntervalSince(state.now))
            parts.append(("  waiting \(wait): \(pause.reason)", .statusStale))
        }
        let refreshed = state.lastRefresh.map { " · data from \(format.clockSeconds($0))" } ?? ""
        switch state.connection {
        case .connecting:
            parts.append(("  connecting…", .statusStale))
        case .live:
            parts.append(("  " + freshness(state), isFresh(state) ? .statusLive : .statusStale))
        case .partial(let failing):
            let names = failing.count > 2 ? "\(failing.count) scopes" : failing.joined(separator: ", ")
            parts.append(("  \(names) failing", .statusStale))
            parts.append((" · " + freshness(state), .header))
        case .retrying(let at):
            let wait = Int(at.timeIntervalSince(state.now).rounded(.up))
            parts.append((wait > 0 ? "  retrying in \(wait)s\(refreshed)" : "  retrying…\(refreshed)", .statusStale))
        case .offline(let since):
            parts.append(("  offline since \(format.clock(since))\(refreshed)", .statusStale))
        case .rateLimited(let until):
            parts.append(("  rate limited until \(format.clock(until))\(refreshed)", .statusStale))
        case .unauthorized:
            parts.append(("  token refused · r to retry\(refreshed)", .statusStale))
        }
        return parts
    }

    /// `updated 25s ago`: how old the oldest scope's latest answer is, so a stalled poll shows. Steps
    /// of five seconds keep the line still between polls.
    static func freshness(_ state: DashboardState) -> String {
        guard let refreshed = state.lastRefresh else { return "updating…" }
        let age = max(0, Int(state.now.timeIntervalSince(refreshed)))
        if age < 5 { return "updated just now" }
        if age < 60 { return "updated \(age / 5 * 5)s ago" }
        if age < 3_600 { return "updated \(age / 60)m ago" }
        return "updated \(age / 3_600)h ago"
    }

    /// True while the data is no older than two idle polls; older means polling has stalled.
    private static func isFresh(_ state: DashboardState) -> Bool {
        guard let refreshed = state.lastRefresh else { return false }
        return state.now.timeIntervalSince(refreshed) <= 2 * PollSchedule.idleInterval + 30
    }
}
