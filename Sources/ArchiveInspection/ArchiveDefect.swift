import ArchiveModel

/// A problem with an archive's bytes, thrown inside the reader and turned into the report's verdict.
struct ArchiveDefect: Error {
    /// The verdict the problem leads to.
    let verdict: ArchiveVerdict

    /// The file ends too early.
    static func truncated(_ reason: String) -> ArchiveDefect {
        ArchiveDefect(verdict: .truncated(reason))
    }

    /// The bytes are wrong.
    static func corrupt(_ reason: String) -> ArchiveDefect {
        ArchiveDefect(verdict: .corrupt(reason))
    }
}
