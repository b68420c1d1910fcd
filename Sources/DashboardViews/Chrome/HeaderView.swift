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
        let right = fitted(rightText(state), into: rect.width - (x - rect.x) - 1)
        let rightWidth = DisplayWidth.of(right.map(\.0).joined())
        x += canvas.text(" " + who, x: x, y: rect.y, width: max(0, rect.width - (x - rect.x) - rightWidth - 1), .header)
        var rx = rect.x + rect.width - rightWidth - 1
        for (text, role) in right {
            rx += canvas.text(text, x: rx, y: rect.y, width: rect.x + rect.width - rx, role)
        }
    }

    /// The right side's parts within `width` columns: on a narrow terminal the rate limit (the least
    /// urgent part; a spent limit shows in the connection part) goes first, then the end is cut with
    /// `…`, so the read-only badge and the connection's start always show.
    private static func fitted(_ parts: [(String, ThemeRole)], into width: Int) -> [(String, ThemeRole)] {
        var parts = parts
        func total() -> Int { parts.reduce(0) { $0 + DisplayWidth.of($1.0) } }
        if total() > width, let rate = parts.firstIndex(where: { $0.0.hasPrefix("  rate ") }) { parts.remove(at: rate) }
        var room = max(0, width)
        return parts.compactMap { text, role in
            guard room > 0 else { return nil }
            let cut = DisplayWidth.truncate(text, to: room)
            room -= DisplayWidth.of(cut)
            return (cut, role)
        }
    }

    /// The right side as parts with their roles. Clock times are in the session's zone, which the
    /// last part names (`UTC`, `UTC-5`) whenever a time is shown, so a server's UTC is never mistaken
    /// for local time.
    static func rightText(_ state: DashboardState) -> [(String, ThemeRole)] {
        let format = state.session.timeFormat
        var parts: [(String, ThemeRole)] = []
        var showsTime = false
        if state.session.readOnly { parts.append((" READ-ONLY ", .statusReadOnly)) }
        if let limit = state.rateLimit {
            parts.append(("  rate \(limit.remaining)/\(limit.limit) · resets \(format.clock(limit.reset))", .header))
            showsTime = true
        }
        let refreshed = state.lastRefresh.map { " · data from \(format.clockSeconds($0))" } ?? ""
        showsTime = showsTime || state.lastRefresh != nil
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
            showsTime = true
        case .rateLimited(let until):
            parts.append(("  rate limited until \(format.clock(until))\(refreshed)", .statusStale))
            showsTime = true
        }
        if showsTime, let last = parts.indices.last { parts[last].0 += " " + format.zoneLabel(at: state.now) }
        return parts
    }
}
