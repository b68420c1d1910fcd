import DashboardCore
import Foundation
import TerminalUI

/// The status bar: host, user, orgs on the left; read-only badge, rate limit and connection on the right.
enum HeaderView {
    static func draw(_ state: DashboardState, in rect: Rect, on canvas: inout Canvas) {
        canvas.fill(rect, .header)
        var x = rect.x + canvas.text(" migdash ", x: rect.x, y: rect.y, width: rect.width, .headerTitle)
        let who = [state.session.host, state.user ?? "…", state.orgs.joined(separator: ", ")].filter { !$0.isEmpty }
        // A narrow terminal keeps the host in view: first the rate limit's reset time goes, then the rate.
        let room = rect.width - (x - rect.x) - 1
        var parts = rightText(state)
        if width(of: parts) > room - 28 { parts = rightText(state, compact: true) }
        let right = fitted(parts, into: room)
        let rightWidth = width(of: right)
        let leftWidth = max(0, rect.width - (x - rect.x) - rightWidth - 1)
        x += canvas.text(" " + identity(who, width: leftWidth - 1), x: x, y: rect.y, width: leftWidth, .header)
        var rx = rect.x + rect.width - rightWidth - 1
        for (text, role) in right {
            rx += canvas.text(text, x: rx, y: rect.y, width: rect.x + rect.width - rx, role)
        }
    }

    /// `host · user · orgs`, leaving out whole parts from the end (the organizations, then the user)
    /// rather than cutting one in the middle; the host alone is cut with `…` when even it is too long.
    static func identity(_ parts: [String], width: Int) -> String {
        for count in stride(from: parts.count, through: 1, by: -1) {
            let text = parts.prefix(count).joined(separator: " · ")
            if DisplayWidth.of(text) <= width { return text }
        }
        return DisplayWidth.truncate(parts.first ?? "", to: max(0, width))
    }

    private static func width(of parts: [(String, ThemeRole)]) -> Int {
        parts.reduce(0) { $0 + DisplayWidth.of($1.0) }
    }

    /// The right side's parts within `width` columns: on a narrow terminal the request budget, then the
    /// rate limit (the least urgent parts; a spent limit shows in the connection part) go first, then the end is cut with
    /// `…`, so the read-only badge and the connection's start always show.
    private static func fitted(_ parts: [(String, ThemeRole)], into width: Int) -> [(String, ThemeRole)] {
        var parts = parts
        for least in ["  req/min ", "  rate "] {
            if Self.width(of: parts) > width, let index = parts.firstIndex(where: { $0.0.hasPrefix(least) }) {
                parts.remove(at: index)
            }
        }
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
    /// for local time. `compact` leaves out the request budget and when the rate limit resets.
    static func rightText(_ state: DashboardState, compact: Bool = false) -> [(String, ThemeRole)] {
        let format = state.session.timeFormat
        var parts: [(String, ThemeRole)] = []
        var showsTime = false
        if state.session.readOnly { parts.append((" READ-ONLY ", .statusReadOnly)) }
        // A batch under way says how far it is, until its summary line.
        if let batch = state.runningBatch {
            let more = state.batches.count > 1 ? " (+\(state.batches.count - 1))" : ""
            parts.append(("  \(batch.title) \(batch.progress)\(more)", .headerTitle))
        }
        if state.user != nil, !compact {
            // What migdash itself sent in the last minute, against its budget: the share of GitHub's
            // secondary limit it takes from the importer and scripts using the same token.
            let used = state.budget.used(at: state.now)
            parts.append(
                ("  req/min \(used)/\(state.budget.perMinute)", used > state.budget.perMinute ? .statusStale : .header))
        }
        if let limit = state.rateLimit {
            // While the limit is spent the last count seen is out of date: nothing is left until the reset.
            let remaining = state.connection.isRateLimited ? 0 : limit.remaining
            let reset = compact ? "" : " · resets \(format.clock(limit.reset))"
            parts.append(("  rate \(remaining)/\(limit.limit)\(reset)", .header))
            showsTime = !compact
        }
        if let pause = state.apiPause, pause.until > state.now {
            let wait = TimeFormat.duration(pause.until.timeIntervalSince(state.now))
            parts.append(("  waiting \(wait): \(pause.reason)", .statusStale))
        }
        let refreshed = state.lastRefresh.map { " · data from \(format.clockSeconds($0))" } ?? ""
        let stale = !refreshed.isEmpty
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
            showsTime = showsTime || stale
        case .offline(let since):
            parts.append(("  offline since \(format.clock(since))\(refreshed)", .statusStale))
            showsTime = true
        case .rateLimited(let until):
            parts.append(("  rate limited until \(format.clock(until))\(refreshed)", .statusStale))
            showsTime = true
        case .unauthorized:
            parts.append(("  token refused · r to retry\(refreshed)", .statusStale))
            showsTime = showsTime || stale
        }
        // The panes' times are in this zone too, so it is named whenever there is data to read.
        if showsTime || state.lastRefresh != nil, let last = parts.indices.last {
            parts[last].0 += " " + format.zoneLabel(at: state.now)
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

    /// True while the data is as fresh as the cadence promises; older means polling has stalled.
    private static func isFresh(_ state: DashboardState) -> Bool {
        state.lastRefresh != nil && !state.isOverdue
    }
}
