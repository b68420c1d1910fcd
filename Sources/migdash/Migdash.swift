import ArgumentParser

/// The `migdash` command: the dashboard by default, plus its subcommands.
@main
struct Migdash: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migdash",
        abstract: "A terminal dashboard for GitHub's Migrations API.",
        version: MigdashInfo.version,
        subcommands: [
            DashboardCommand.self, DownloadCommand.self, InspectCommand.self, SimulateCommand.self,
            BenchmarkCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    /// Makes a crash end at once (see `Backtracer`), then runs the command the arguments name.
    static func main() async {
        Backtracer.makeNonInteractive()
        await Self.main(nil)
    }
}
