import ArchiveInspection
import ArchiveModel
import ArgumentParser
import DashboardApp
import Foundation
import GitHubMigrations

/// `migdash inspect FILE`: what a migration archive holds, read as a stream, and whether it is sound.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what a migration archive (.tar.gz) holds, without extracting it.",
        discussion: """
            Prints the verdict (intact, truncated or corrupt), the schema.json version, each kind of \
            JSON record with its count, the repositories with their size, and the attachments. When \
            the folder's migdash-manifest.json lists the file, its recorded SHA-256 is compared too. \
            Exits 0 for a sound archive, 1 for one that is not (or cannot be read), 4 when the file is \
            not there; see docs/cli.md.
            """
    )

    @Argument(help: "The archive file.")
    var file: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() async throws {
        let path = PathExpansion.expand(file, environment: ProcessInfo.processInfo.environment)
        let url = URL(fileURLWithPath: path)
        let report: ArchiveReport
        do {
            report = try await ArchiveInspector.inspect(url)
        } catch let error as ArchiveInspectionError {
            // A file that is not there is "not found" in the exit-status table; one that cannot be read is 1.
            let missing = error.kind == .unreadable && !FileManager.default.fileExists(atPath: path)
            throw (missing ? CommandFailure.notFound(error.userMessage) : .failed(error.userMessage)).exit()
        }
        let manifest = ManifestCheck(url, report: report)
        if json {
            try Console.json(report)
        } else {
            Console.line(report.file)
            for line in report.lines() {
                Console.line(
                    "  " + line.label.padding(toLength: max(28, line.label.count), withPad: " ", startingAt: 0)
                        + line.value)
            }
            if let text = manifest.text {
                Console.line("  " + "manifest".padding(toLength: 28, withPad: " ", startingAt: 0) + text)
            }
        }
        guard report.verdict.isIntact, manifest.agrees else { throw ExitCode(ExitStatus.failed) }
    }
}
