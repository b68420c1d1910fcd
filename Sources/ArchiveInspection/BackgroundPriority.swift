import Foundation

/// Archive checks run below the program's own priority, so a dashboard drawing a frame wins the CPU
/// over SHA-256 and inflation (three downloads on a fast link can keep two cores busy hashing).
enum BackgroundPriority {
    /// The niceness archive-check threads take: enough to yield to the dashboard, not to starve.
    static let niceness: Int32 = 10

    /// Lowers the calling thread's priority. On Linux, `PRIO_PROCESS` with 0 names the calling thread
    /// alone, not the whole process.
    static func applyToCurrentThread() {
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
    }
}
