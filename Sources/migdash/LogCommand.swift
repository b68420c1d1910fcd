import ArgumentParser
import Foundation
import Journal

/// `migdash log`: the audit trail the journal keeps: who changed what, when, with GitHub's request ids.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The journal's audit trail: every change sent to GitHub, every state seen, every download.",
        discussion: """
            Oldest first. --since narrows to the last DURATION (90s, 30m, 2h, 7d), --migration to one \
            migration's entries. --json prints one array. The journal is the one the dashboard and the \
            other commands keep for this host and login (docs/journal.md). Exit status: 0; 2 usage or no \
            journal kept; 3 token refused; 4 no journal recorded yet.
            """
    )

    @Option(help: "Only the entries of the last DURATION: 90s, 30m, 2h, 7d.")
    var since: String?

    @Option(help: "Only the entries about this migration id.")
    var migration: Int64?

    @Flag(help: "Print one JSON array.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if let since, DurationText.seconds(since) == nil {
            throw ValidationError("--since \(since) is not a duration such as 90s, 30m, 2h or 7d.")
        }
    }

    func run() async throws {
        let journal = try await connection.openJournal().orExit()
        let start = since.flatMap(DurationText.seconds).map { Date().addingTimeInterval(-$0) }
        let all: [JournalEntry]
        do {
            all = try journal.log(since: start, migration: migration)
        } catch {
            throw CommandFailure.failed(error.description).exit()
        }
        if json {
            try Console.json(all.map(LoggedEntry.init))
        } else {
            all.forEach { Console.line(LoggedEntry.line($0)) }
        }
    }
}
