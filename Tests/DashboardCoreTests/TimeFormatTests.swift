import Foundation
import Testing

@testable import DashboardCore

/// `TimeFormat` computes days and clocks arithmetically; Foundation's `Calendar` is the reference.
@Suite("Times as the dashboard writes them")
struct TimeFormatTests {
    /// What `day` must say, asked of the calendar the slow way.
    private static func expected(_ date: Date, now: Date, calendar: Calendar) -> String {
        if calendar.isDate(date, inSameDayAs: now) {
            let parts = calendar.dateComponents([.hour, .minute], from: date)
            return String(format: "%02d:%02d", parts.hour!, parts.minute!)
        }
        if calendar.isDate(date, inSameDayAs: calendar.date(byAdding: .day, value: -1, to: now)!) { return "yesterday" }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        if parts.year == calendar.component(.year, from: now) {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(months[parts.month! - 1]) \(parts.day!)"
        }
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test(
        "day and clock agree with Calendar in every zone, across summer time and year ends",
        arguments: ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns"])
    func agreesWithCalendar(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let format = TimeFormat(timeZone: timeZone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // Instants around "now" (including the hours around New York's and Berlin's 2026 changes), and
        // spread over decades before it.
        let nows = [1_796_000_000.0, 1_772_953_200, 1_774_746_000, 1_798_761_599, 1_798_761_600, 1_604_000_000]
        for nowSeconds in nows {
            let now = Date(timeIntervalSince1970: nowSeconds)
            var offsets: [Double] = (-100...2).map { Double($0) * 3_599 }
            offsets += (1...200).map { -Double($0) * 86_400 * 37 - Double($0 * 7_919 % 86_400) }
            for offset in offsets {
                let date = now.addingTimeInterval(offset)
                let expected = Self.expected(date, now: now, calendar: calendar)
                #expect(format.day(date, now: now) == expected, "\(date) at \(now)")
            }
        }
    }

    @Test(
        "clocks with seconds and full timestamps agree with Calendar, the zone named by its offset",
        arguments: ["UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns"])
    func timestamps(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let format = TimeFormat(timeZone: timeZone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        for step in 0..<400 {
            let date = Date(timeIntervalSince1970: 1_772_953_200 + Double(step) * 86_413.7)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let clock = String(format: "%02d:%02d:%02d", parts.hour!, parts.minute!, parts.second!)
            let day = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            #expect(format.clockSeconds(date) == clock)
            let offset = timeZone.secondsFromGMT(for: date)
            let hours = "\(offset < 0 ? "-" : "+")\(abs(offset) / 3_600)"
            let minutes = abs(offset) % 3_600 == 0 ? "" : String(format: ":%02d", abs(offset) % 3_600 / 60)
            let label = offset == 0 ? "UTC" : "UTC" + hours + minutes
            #expect(format.timestamp(date) == "\(day) \(clock) \(label)")
        }
    }

    @Test("civil dates from day numbers, across leap years and before 1970")
    func civil() {
        #expect(TimeFormat.civil(fromDays: 0) == (1970, 1, 1))
        #expect(TimeFormat.civil(fromDays: -1) == (1969, 12, 31))
        #expect(TimeFormat.civil(fromDays: 11_016) == (2000, 2, 29))
        #expect(TimeFormat.civil(fromDays: 20_779) == (2026, 11, 22))
    }

    @Test("a duration that is not a number or has no end is written, never a trap")
    func durationsFromOutside() {
        #expect(TimeFormat.duration(.nan) == "0s")
        #expect(TimeFormat.duration(-.infinity) == "0s")
        #expect(TimeFormat.duration(.infinity) == "24855d 3h")
        #expect(TimeFormat.duration(9e18) == "24855d 3h")
    }
}
