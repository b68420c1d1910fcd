import Foundation

/// Byte counts as people read them, in binary units named as such: `512 B`, `3.2 MiB`.
///
/// One formatter for every size migdash shows (the dashboard's rows, download progress, archive
/// reports, the command line), so the same number always reads the same.
public enum ByteCount {
    /// `count` in the largest binary unit (1 KiB = 1,024 B) that keeps the number at 1 or more, with
    /// one decimal. The IEC names say what is counted: `MB` would claim powers of 1,000.
    public static func text(_ count: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// `a + b` for sizes, stopping at `Int64.max` instead of trapping: an archive's headers may claim
    /// any size (a sparse file's apparent size needs no data behind it).
    public static func sum(_ a: Int64, _ b: Int64) -> Int64 {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : total
    }
}
