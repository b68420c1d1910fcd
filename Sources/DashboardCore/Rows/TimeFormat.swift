import Foundation

/// Times, durations and sizes as the dashboard writes them: short, relative when recent, in the
/// session's time zone (UTC unless one is given), and always computed from an explicit `now`.
///
/// Build one per session (`SessionInfo.timeFormat`), never one per row: a `Calendar` costs more to make
/// than a row costs to draw.
public struct TimeFormat: Sendable, Equatable {
    /// The calendar used for "today" and "yesterday".
    public let calendar: Calendar
    /// The zone times are written in.
    public let timeZone: TimeZone
    /// True for UTC itself, whose offset never changes, so no frame asks the zone for it.
    private let isUTC: Bool

    /// UTC, shared: building a `Calendar` per row would cost more than drawing the row.
    public static let utc = TimeFormat()

    /// Creates a formatter for a time zone (UTC by default, so tests and servers agree).
    public init(timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        self.timeZone = timeZone
        isUTC = ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu"]
            .contains(timeZone.identifier)
    }

    /// `14:01` today, `yesterday`, `Nov 19` this year, `2025-11-19` before.
    ///
    /// Drawn for every visible row of every frame, so it works on the local wall-clock time as plain
    /// numbers (the zone's offset at that instant, then civil-from-days) instead of asking the
    /// calendar, which cost more than the rest of the row together.
    public func day(_ date: Date, now: Date) -> String {
        let (day, secondOfDay) = local(date)
        let today = local(now).day
        if day == today { return Self.clock(secondOfDay) }
        if day == today - 1 { return "yesterday" }
        let (year, month, dayOfMonth) = Self.civil(fromDays: day)
        if year == Self.civil(fromDays: today).year { return "\(Self.months[month - 1]) \(dayOfMonth)" }
        return "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(dayOfMonth, 2))"
    }

    /// `2026-11-22 14:01:09 UTC`, `2026-11-22 09:01:09 UTC-5`: the full time with its zone, for details.
    public func timestamp(_ date: Date) -> String {
        let (day, secondOfDay) = local(date)
        let (year, month, dayOfMonth) = Self.civil(fromDays: day)
        let dayText = "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(dayOfMonth, 2))"
        return "\(dayText) \(Self.clockSeconds(secondOfDay)) \(zoneLabel(at: date))"
    }

    /// `14:01`.
    public func clock(_ date: Date) -> String {
        Self.clock(local(date).secondOfDay)
    }

    /// `14:01:09`.
    public func clockSeconds(_ date: Date) -> String {
        Self.clockSeconds(local(date).secondOfDay)
    }

    /// `UTC`, `UTC-5`, `UTC+5:30`: the zone's offset at an instant, written the same on every system
    /// (Foundation on Linux names most zones `GMT-5`, on macOS `EST`).
    public func zoneLabel(at date: Date) -> String {
        let offset = isUTC ? 0 : timeZone.secondsFromGMT(for: date)
        guard offset != 0 else { return "UTC" }
        let minutes = abs(offset) / 60
        let sign = offset < 0 ? "-" : "+"
        return "UTC\(sign)\(minutes / 60)" + (minutes % 60 == 0 ? "" : ":\(Self.padded(minutes % 60, 2))")
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The day number (days since 1970-01-01 in this zone) and the second of that day, from the
    /// zone's offset at that instant (so summer time is right on both sides of a change).
    private func local(_ date: Date) -> (day: Int, secondOfDay: Int) {
        let offset = isUTC ? 0 : timeZone.secondsFromGMT(for: date)
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + offset
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (day, seconds - day * 86_400)
    }

    /// `14:01` for a second of the day.
    private static func clock(_ secondOfDay: Int) -> String {
        "\(padded(secondOfDay / 3_600, 2)):\(padded(secondOfDay % 3_600 / 60, 2))"
    }

    /// `14:01:09` for a second of the day.
    private static func clockSeconds(_ secondOfDay: Int) -> String {
        "\(clock(secondOfDay)):\(padded(secondOfDay % 60, 2))"
    }

    /// The Gregorian year, month and day of a day number (days since 1970-01-01), by Howard
    /// Hinnant's `civil_from_days`.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `value` in decimal, zero-padded to `digits`.
    private static func padded(_ value: Int, _ digits: Int) -> String {
        let text = String(value)
        return text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
    }

    /// `6d 23h`, `5h 12m`, `3m`, `45s`: the two largest units of a duration.
    public static func duration(_ seconds: Double) -> String {
        // Saturating: a NaN or an endless wait is no trap, only a large number.
        let total = seconds.isNaN ? 0 : Int(min(max(seconds, 0), Double(Int32.max)))
        let (days, hours, minutes) = (total / 86400, total % 86400 / 3600, total % 3600 / 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(minutes)m" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(total)s"
    }
}
