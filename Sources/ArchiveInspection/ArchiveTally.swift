import ArchiveModel
import Foundation
import TerminalUI

/// Adds up a report entry by entry as the tar goes past.
struct ArchiveTally {
    private var kinds: [String: ArchiveReport.Kind] = [:]
    private var repositories: [String: ArchiveReport.Repository] = [:]
    /// The report being filled.
    private(set) var report: ArchiveReport

    /// An empty tally for a file.
    init(file: String) {
        report = ArchiveReport(file: file)
    }

    /// Whether an entry's data must be read (rather than skipped) to be counted.
    static func needsData(_ path: ArchivePath, isFile: Bool) -> Bool {
        guard isFile else { return false }
        switch path {
        case .schema, .records: return true
        default: return false
        }
    }

    /// Counts one entry; `data` is its contents' record count or schema text when they were read.
    mutating func add(_ entry: TarReader.Entry, as path: ArchivePath, records: Int?, schema: Data?) {
        report.entries += 1
        guard entry.isFile else { return }
        switch path {
        case .schema:
            // Shown as it is by `inspect` and the dashboard: no control character, and a version's length.
            report.schemaVersion = schema.flatMap(Self.version).map { TerminalText.safe(String($0.prefix(64))) }
        case .records(let kind):
            var tally = kinds[kind] ?? ArchiveReport.Kind(name: kind, files: 0, records: 0, bytes: 0)
            tally.files += 1
            tally.bytes = ByteCount.sum(tally.bytes, entry.size)
            tally.records = records.flatMap { count in tally.records.map { $0 + count } }
            kinds[kind] = tally
        case .repository(let name):
            var tally = repositories[name] ?? ArchiveReport.Repository(name: name, files: 0, bytes: 0)
            tally.files += 1
            tally.bytes = ByteCount.sum(tally.bytes, entry.size)
            repositories[name] = tally
        case .attachment:
            report.attachments.add(entry.size)
        case .other:
            report.otherFiles.add(entry.size)
        }
    }

    /// The finished report, kinds and repositories sorted by name.
    func finished(verdict: ArchiveVerdict, compressed: Int64, uncompressed: Int64, sha256: String?) -> ArchiveReport {
        var report = report
        report.kinds = kinds.values.sorted { $0.name < $1.name }
        report.repositories = repositories.values.sorted { $0.name < $1.name }
        report.verdict = verdict
        report.compressedBytes = compressed
        report.uncompressedBytes = uncompressed
        report.sha256 = sha256
        return report
    }

    /// `version` of `schema.json`, as text whether GitHub wrote it as a string or a number.
    private static func version(_ data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        switch object["version"] {
        case let text as String: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}
