import ArgumentParser
import Foundation
import MigrationSimulator

/// `migdash simulate`: runs the fake GitHub standalone, for tests, other clients and rehearsals.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Serve a simulated GitHub Migrations API on this machine.",
        discussion: """
            Prints `listening on http://HOST:PORT` first, then serves until SIGINT or SIGTERM. \
            The API is served at the root (github.com style) and under /api/v3 (Enterprise Server style). \
            Without --token it accepts the token "\(SimulatorOptions.defaultToken)".
            """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port for the API; 0 picks a free one.")
    var port = 0

    @Option(help: "Port for archive downloads (another origin, as S3 is); 0 picks a free one.")
    var storagePort = 0

    @Option(
        name: .customLong("token"),
        help:
            "A test token the simulator accepts (repeatable); never a real GitHub token, which would show in the process list."
    )
    var tokens: [String] = []

    @Option(help: "Seconds a migration takes from pending to exported.")
    var exportSeconds: Double = SimulatorOptions().exportSeconds

    @Option(help: "Seconds a source import takes from detecting to complete.")
    var importSeconds: Double = SimulatorOptions().importSeconds

    @Option(
        help:
            "Organizations octocat owns: octo-org, then octo-org-2, octo-org-3… (1 to \(SimulatorOptions.maximumOrganizations))."
    )
    var orgs = 1

    @Option(
        help:
            "Extra finished migrations for load tests, dealt to the organizations in turn (0 to \(SimulatorOptions.maximumHistoricalMigrations))."
    )
    var migrations = 0

    @Option(help: "Answer every source-import endpoint as a retired API: 404 or 410.")
    var retiredImports: Int?

    @Option(name: .customLong("archive-url-lifetime"), help: "Seconds a signed archive URL stays valid.")
    var archiveURLLifetime: Double = SimulatorOptions().archiveURLLifetime

    @Flag(
        name: .customLong("one-use-archive-urls"),
        help: "Serve each signed archive URL once; a second GET with it is refused as expired.")
    var oneUseArchiveURLs = false

    @Option(help: "Send archive bytes at about this many KB a second (default: as fast as possible).")
    var storageKilobytesPerSecond: Int?

    @Option(help: "Grow the exported migration 240498's archive to about this many MB (at most 3072), for benchmarks.")
    var archiveMegabytes = 0

    func validate() throws {
        if let retiredImports, ![404, 410].contains(retiredImports) {
            throw ValidationError("--retired-imports must be 404 or 410.")
        }
        guard (0...65535).contains(port), (0...65535).contains(storagePort) else {
            throw ValidationError("Ports must be between 0 and 65535.")
        }
        guard (0...3072).contains(archiveMegabytes) else {
            throw ValidationError("--archive-megabytes must be between 0 and 3072.")
        }
        if let storageKilobytesPerSecond, storageKilobytesPerSecond <= 0 {
            throw ValidationError("--storage-kilobytes-per-second must be positive.")
        }
        guard archiveURLLifetime > 0 else { throw ValidationError("--archive-url-lifetime must be positive.") }
    }

    private static let maximumOrganizations = SimulatorOptions.maximumOrganizations
    private static let maximumMigrations = SimulatorOptions.maximumHistoricalMigrations

    /// The one line that refuses --orgs or --migrations out of bounds, or nil when both are sane.
    private var sizeProblem: String? {
        if !(1...Self.maximumOrganizations).contains(orgs) {
            return "--orgs must be from 1 to \(Self.maximumOrganizations), not \(orgs)."
        }
        if !(0...Self.maximumMigrations).contains(migrations) {
            return "--migrations must be from 0 to \(Self.maximumMigrations), not \(migrations)."
        }
        return nil
    }

    func run() async throws {
        if let sizeProblem { throw CommandFailure.usage(sizeProblem).exit() }
        var options = SimulatorOptions()
        options.host = host
        options.port = port
        options.storagePort = storagePort
        if !tokens.isEmpty { options.tokens = tokens }
        options.exportSeconds = exportSeconds
        options.importSeconds = importSeconds
        options.ownedOrganizations = orgs
        options.historicalMigrations = migrations
        options.retiredImports = retiredImports.map { $0 == 410 ? .gone : .notFound }
        options.archiveURLLifetime = archiveURLLifetime
        options.oneUseArchiveURLs = oneUseArchiveURLs
        options.largeArchiveBytes = archiveMegabytes << 20
        options.storageBytesPerSecond = storageKilobytesPerSecond.map { $0 << 10 }
        let simulator = Simulator(options: options)
        let address: SimulatorAddress
        do {
            address = try await simulator.start()
        } catch {
            throw CommandFailure.failed("\(error)").exit()
        }
        Console.line("listening on \(address.apiURL)")
        Console.line("storage on \(address.storageURL)")
        _ = await SignalWaiter.wait()
        await simulator.stop()
    }
}
