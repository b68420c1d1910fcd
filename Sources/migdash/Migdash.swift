import ArgumentParser
import Foundation

/// The `migdash` command: the dashboard by default, plus its subcommands.
@main
struct Migdash: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migdash",
        abstract: "A terminal dashboard for GitHub's Migrations API.",
        version: MigdashInfo.version,
        subcommands: [
            DashboardCommand.self, ListCommand.self, ShowCommand.self, StartCommand.self, WaitCommand.self,
            UnlockCommand.self,
            WatchCommand.self,
            LogCommand.self,
            HistoryCommand.self,
            DeleteArchiveCommand.self,
            DownloadCommand.self,
            BackupCommand.self,
            InspectCommand.self,
            SimulateCommand.self,
            BenchmarkCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    /// Makes a crash end at once (see `Backtracer`), then runs the command the arguments name. A command
    /// line that does not parse or validate exits 2, as `ExitStatus.usage` says for every command, rather
    /// than the argument parser's 64.
    static func main() async {
        Backtracer.makeNonInteractive()
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            await CommandJournal.finish()
        } catch {
            // What a command changed before it failed is recorded too.
            await CommandJournal.finish()
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            Console.error(usageLine(for: error))
            Foundation.exit(ExitStatus.usage)
        }
    }

    /// A usage error as one line, as every error of migdash is: the parser's message and where the help
    /// is (`migdash: Missing expected argument '<ids> ...' (see 'migdash wait --help')`), not its usage block.
    static func usageLine(for error: any Error) -> String {
        let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "bad command line"
        let hint = fullMessage(for: error).split(separator: "\n").first { $0.contains("--help") }
        let help = hint.flatMap { line in line.firstIndex(of: "'").map { String(line[$0...]) } }
        let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
        return "migdash: \(text)"
            + (help.map { " (see \($0.trimmingCharacters(in: CharacterSet(charactersIn: "."))))" } ?? "")
    }
}
