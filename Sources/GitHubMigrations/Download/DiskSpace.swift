import Foundation

/// Where the free space of a directory's file system comes from; tests pass a fixed figure.
public struct DiskSpace: Sendable {
    /// Bytes an unprivileged process may still write under a directory, nil when unknown.
    public var available: @Sendable (URL) -> Int64?

    /// A provider of free space.
    public init(available: @escaping @Sendable (URL) -> Int64?) {
        self.available = available
    }

    /// The file system's own figure, from `statvfs` (blocks available to non-root users).
    public static let system = DiskSpace { directory in
        var info = statvfs()
        guard statvfs(directory.path, &info) == 0 else { return nil }
        // Saturating: a file system (a network mount, say) may report any figures.
        let (bytes, overflow) = Int64(clamping: info.f_bavail).multipliedReportingOverflow(
            by: Int64(clamping: info.f_frsize))
        return overflow ? .max : bytes
    }

    /// Always the same figure, for tests.
    public static func fixed(_ bytes: Int64) -> DiskSpace {
        DiskSpace { _ in bytes }
    }
}
