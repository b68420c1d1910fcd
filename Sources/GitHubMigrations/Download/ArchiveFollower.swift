import ArchiveInspection
import ArchiveModel
import Foundation

/// Verifies a download while it arrives: an `ArchiveInspector` reading the `.part` file behind the
/// writer, from its first byte (bytes an earlier attempt left included).
///
/// SHA-256, gzip and tar run on threads of their own and never hold up the transfer: when they fall
/// behind (a fast link, a slow CPU), they read on from the file rather than from buffers the network
/// must wait for, so memory stays flat and the link runs at its own speed. When the last byte is
/// in, what is left to check is only the part the reader has not reached yet; on a link slower than
/// the hash, nothing.
final class ArchiveFollower: Sendable {
    private let growth: FileGrowth
    /// Raised once the transfer is over; the reader's progress is then the download's progress.
    private let transferred = SharedFlag()
    /// Raised once the reader has stopped.
    private let ended = SharedFlag()
    private let reading: Task<ArchiveReport, any Error>
    private let progress: @Sendable (ArchiveDownloadProgress) -> Void

    /// Starts reading `path`, which holds `written` bytes now.
    init(path: String, written: Int64, progress: @escaping @Sendable (ArchiveDownloadProgress) -> Void) {
        let growth = FileGrowth(written: written)
        self.growth = growth
        self.progress = progress
        reading = Task { [transferred, ended] in
            defer { ended.set() }
            return try await ArchiveInspector.inspect(URL(fileURLWithPath: path), following: growth) { done, total in
                guard transferred.isSet() else { return }
                progress(ArchiveDownloadProgress(phase: .verifying, bytes: done, total: total))
            }
        }
    }

    deinit {
        abandon()
    }

    /// True when the reader stopped while bytes were still arriving: only a defect ends it early (bytes
    /// that are not a tar.gz, say), so there is no point fetching the rest before hearing the verdict.
    var foundDefect: Bool {
        ended.isSet() && !transferred.isSet()
    }

    /// The file now holds `size` bytes.
    func advance(to size: Int64) {
        growth.advance(to: size)
    }

    /// The whole archive is on disk: reads the rest and returns the report, reporting the reading
    /// left to do as `verifying` progress (at least once, at the end, even when there was none left).
    /// - Throws: `ArchiveDownloadError` when the file cannot be read, `CancellationError` when cancelled.
    func report() async throws -> ArchiveReport {
        transferred.set()
        growth.finish()
        do {
            let report = try await withTaskCancellationHandler {
                try await reading.value
            } onCancel: {
                reading.cancel()
            }
            progress(ArchiveDownloadProgress(phase: .verifying, bytes: growth.bytes, total: growth.bytes))
            return report
        } catch let error as ArchiveInspectionError {
            throw ArchiveDownloadError(.fileSystem, error.userMessage)
        }
    }

    /// Stops the reader: the file is about to be emptied, or the download is over.
    func abandon() {
        growth.abandon()
        reading.cancel()
    }
}
