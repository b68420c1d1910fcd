import Foundation

extension ArchiveReport {
    /// One line of a report as people read it: a label (indented for details) and a value.
    public struct Line: Sendable, Equatable {
        /// `schema`, `records`, `  issues`.
        public var label: String
        /// `version 1.0.1`, `12 in 1 file`.
        public var value: String

        /// A line.
        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// The report as labelled lines, for `migdash inspect` and the dashboard: every repository (the
    /// dashboard's dialog scrolls rather than summing the rest up).
    public func lines() -> [Line] {
        let (gzip, tar) = (ByteCount.text(compressedBytes), ByteCount.text(uncompressedBytes))
        var lines = [
            Line(label: "verdict", value: verdict.summary),
            Line(label: "size", value: "\(gzip) gzip, \(tar) tar, \(entries) entries"),
            Line(label: "sha256", value: sha256 ?? "-"),
            Line(label: "schema", value: schemaVersion.map { "version \($0)" } ?? "no schema.json"),
            Line(label: "records", value: kinds.isEmpty ? "none" : "\(kinds.count) kinds"),
        ]
        for kind in kinds {
            let files = kind.files == 1 ? "1 file" : "\(kind.files) files"
            lines.append(
                Line(label: "  " + kind.name, value: "\(kind.records.map(String.init) ?? "?") in \(files)"))
        }
        lines.append(Line(label: "repositories", value: repositories.isEmpty ? "none" : "\(repositories.count)"))
        for repository in repositories {
            lines.append(Line(label: "  " + repository.name, value: ByteCount.text(repository.bytes)))
        }
        lines.append(Line(label: "attachments", value: Self.files(attachments)))
        if otherFiles.count > 0 { lines.append(Line(label: "other files", value: Self.files(otherFiles))) }
        return lines
    }

    /// `3 files, 6.1 KiB`.
    static func files(_ files: Files) -> String {
        let count = files.count == 1 ? "1 file" : "\(files.count) files"
        return files.count == 0 ? "none" : "\(count), \(ByteCount.text(files.bytes))"
    }
}
