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
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            Console.error(fullMessage(for: error))
            Foundation.exit(ExitStatus.usage)
        }
    }
}
