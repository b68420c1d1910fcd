import Foundation
import TestSupport

/// `Scripts/journal_writer.py` running as a second process on a journal: Python's sqlite3, writing a
/// migration, an observation and a mutation per transaction and printing each number once committed.
struct JournalWriterProcess {
    /// The running script.
    let launched: ProcessRunner.Launched

    /// Starts the writer; `count` 0 writes until killed.
    init(path: String, tag: String, count: Int) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Scripts/journal_writer.py").path
        launched = try ProcessRunner.launch(try ProcessRunner.locate("python3"), [script, path, tag, "\(count)"])
    }

    /// Waits until the writer has connected and seen WAL mode.
    func waitForReady() async throws {
        try await Polling.until("the writer's ready", timeout: .seconds(30)) {
            launched.output.text.hasPrefix("ready\n") || !launched.errors.text.isEmpty
        }
        if !launched.errors.text.isEmpty { throw WriterFailed(message: launched.errors.text) }
    }

    /// The numbers committed so far: whole lines only, a line cut by a kill is not counted.
    func committed() -> [Int] {
        let text = launched.output.text
        let complete = text.hasSuffix("\n") ? text : String(text[..<(text.lastIndex(of: "\n") ?? text.startIndex)])
        return complete.split(separator: "\n").compactMap { Int($0) }
    }

    /// The writer's complaint.
    struct WriterFailed: Error, CustomStringConvertible {
        /// What it printed on standard error.
        var message: String
        /// The message.
        var description: String { message }
    }
}
