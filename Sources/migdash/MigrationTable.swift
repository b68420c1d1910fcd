import Foundation

/// `migdash list` on a terminal: aligned columns, local times, an archive's time left.
enum MigrationTable {
    /// The header and one line per migration.
    static func lines(_ rows: [ListedMigration], timeZone: TimeZone, now: Date = Date()) -> [String] {
        let header = ["ID", "SCOPE", "STATE", "REPOS", "CREATED", "UPDATED", "ARCHIVE"]
        let cells = rows.map { row -> [String] in
            [
                String(row.id), row.organization ?? "user", row.state, String(row.repositories.count),
                local(row.createdAt, timeZone), local(row.updatedAt, timeZone), archive(row, now: now),
            ]
        }
        let widths = header.indices.map { column in
            ([header[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ fields: [String]) -> String {
            zip(fields, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        guard !rows.isEmpty else { return ["no migrations"] }
        return [line(header)] + cells.map(line)
    }

    /// An RFC 3339 time as `YYYY-MM-DD HH:MM` in `timeZone`.
    private static func local(_ stamp: String, _ timeZone: TimeZone) -> String {
        guard let date = try? Date(stamp, strategy: .iso8601) else { return stamp }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// `saved`, `3d 4h left`, `expired`, or `-` when there is no archive.
    private static func archive(_ row: ListedMigration, now: Date) -> String {
        if row.downloadedTo != nil { return "saved" }
        guard let stamp = row.archiveExpiresAt, let expiry = try? Date(stamp, strategy: .iso8601) else { return "-" }
        let left = expiry.timeIntervalSince(now)
        guard left > 0 else { return "expired" }
        let hours = Int(min(left, 1e9) / 3_600)
        return hours >= 24 ? "\(hours / 24)d \(hours % 24)h left" : "\(hours)h left"
    }
}
