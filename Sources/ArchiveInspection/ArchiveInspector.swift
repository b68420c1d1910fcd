import ArchiveModel
import Foundation

/// Reads a migration archive (`.tar.gz`) as a stream, in constant memory, and reports what it holds.
///
/// Nothing is extracted. One pass over the file hashes it (SHA-256), inflates it with zlib (checking
/// CRC-32 and length), and walks the tar with our own `TarReader` (checking every header). A truncated
/// or corrupt archive yields a report with that verdict and the counts seen so far, never a crash.
public enum ArchiveInspector {
    /// The largest `schema.json` read; it holds one small object.
    static let schemaLimit = 1 << 20

    /// Inspects a file on this thread, blocking it until the whole file is read.
    /// - Parameters:
    ///   - growth: for a file still being written, its writer's progress: the read follows the writer
    ///     and ends once the writer finishes (or stops with `CancellationError` when it abandons the file).
    ///   - progress: called after each chunk read with the bytes read and the file's size.
    ///   - isCancelled: polled after each chunk; when it returns true the read stops with `CancellationError`.
    /// - Throws: `ArchiveInspectionError` when the file cannot be read, `CancellationError` when cancelled.
    public static func inspectBlocking(
        _ file: URL, following growth: FileGrowth? = nil, progress: (Int64, Int64) -> Void = { _, _ in },
        isCancelled: () -> Bool = { false }
    ) throws -> ArchiveReport {
        let raw = try RawFileReader(path: file.path, growth: growth)
        return try withoutActuallyEscaping(progress) { progress in
            try withoutActuallyEscaping(isCancelled) { isCancelled in
                raw.observer = { [unowned raw] offset in
                    if isCancelled() { throw CancellationError() }
                    progress(offset, raw.size)
                }
                defer { raw.observer = { _ in } }
                return try read(raw, name: file.lastPathComponent)
            }
        }
    }

    /// Inspects a file on a thread of its own, so no task thread blocks on the disk (or, following a
    /// download, on the writer); cancellable.
    public static func inspect(
        _ file: URL, following growth: FileGrowth? = nil,
        progress: @escaping @Sendable (Int64, Int64) -> Void = { _, _ in }
    ) async throws -> ArchiveReport {
        let flag = SharedFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let thread = Thread {
                    BackgroundPriority.applyToCurrentThread()
                    continuation.resume(
                        with: Result {
                            try inspectBlocking(
                                file, following: growth, progress: progress, isCancelled: flag.isSet)
                        })
                }
                thread.name = "migdash.inspect"
                thread.start()
            }
        } onCancel: {
            flag.set()
            growth?.abandon()
        }
    }

    private static func read(_ raw: RawFileReader, name: String) throws -> ArchiveReport {
        let inflater = try GzipInflater(source: raw)
        var tally = ArchiveTally(file: name)
        var verdict = ArchiveVerdict.intact
        do {
            let tar = TarReader(inflater: inflater)
            while let entry = try tar.next() {
                let path = ArchivePath(entry.path)
                var counter = JSONRecordCounter()
                var schema = Data()
                if ArchiveTally.needsData(path, isFile: entry.isFile) {
                    try tar.readData { block in
                        if path == .schema {
                            if schema.count < schemaLimit { schema.append(contentsOf: block) }
                        } else {
                            counter.feed(block)
                        }
                    }
                } else {
                    try tar.skipData()
                }
                tally.add(entry, as: path, records: counter.count, schema: path == .schema ? schema : nil)
            }
            try inflater.drain()
        } catch let defect as ArchiveDefect {
            verdict = defect.verdict
        }
        let whole = verdict.isIntact && raw.atEnd
        return tally.finished(
            verdict: verdict, compressed: raw.size, uncompressed: inflater.produced, sha256: whole ? raw.digest() : nil)
    }
}
