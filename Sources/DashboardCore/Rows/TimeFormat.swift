import Foundation

/// Times, durations and sizes as the dashboard writes them: short, relative when recent, in UTC
/// unless a time zone is given, and always computed from an explicit `now`.
public struct TimeFormat: Sendable {
    /// The calendar used for "today" and "yesterday".
    public var calendar: Calendar

    /// UTC, shared: building a `Calendar` per row would cost more than drawing the row.
    public static let utc = TimeFormat()

    /// Creates a formatter for a time zone (UTC by default, so tests and servers agree).
    public init(timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// `14:01` today, `yesterday`, `Nov 19` this year, `2025-11-19` before.
    public func day(_ date: Date, now: Date) -> String {
        if calendar.isDate(date, inSameDayAs: now) { return clock(date) }
        if let yesterday = calendar.date(byAdding: .day, value: -1, to: now),
            calendar.isDate(date, inSameDayAs: yesterday)
        {
            return "yesterday"
        }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let year = calendar.component(.year, from: now)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        if parts.year == year { return "\(months[(parts.month ?? 1) - 1]) \(parts.day ?? 1)" }
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// `2026-11-22 14:01:09 UTC`: the full time, for details.
    public func timestamp(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let zone = calendar.timeZone.abbreviation(for: date) ?? calendar.timeZone.identifier
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return "\(day) \(clockSeconds(date)) \(zone == "GMT" ? "UTC" : zone)"
    }

    /// `14:01`.
    public func clock(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `14:01:09`.
    public func clockSeconds(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// `6d 23h`, `5h 12m`, `3m`, `45s`: the two largest units of a duration.
    public static func duration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds))
        let (days, hours, minutes) = (total / 86400, total % 86400 / 3600, total % 3600 / 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(minutes)m" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(total)s"
    }
}
