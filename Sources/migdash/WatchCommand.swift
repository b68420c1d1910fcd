import ArgumentParser
import DashboardApp
import DashboardCore
import Foundation

/// `migdash watch`: the dashboard's polling core with no screen, reporting each change as a line or as
/// NDJSON, and serving Prometheus metrics.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch migrations without a screen: a line (or a JSON object) per change, and metrics.",
        discussion: """
            Runs the dashboard's poll planner within the same budget of requests a minute, until SIGINT, \
            SIGTERM or SIGHUP (exit 130, 143, 129), or until the reader of its output goes (141). Prints a \
            line per change: a new migration, a change of state, an archive about to expire or expired, an \
            import's status, a download, a low rate limit, a lost or restored connection; --ndjson prints \
            each as one JSON object and flushes it. With --metrics-listen it serves Prometheus metrics at \
            /metrics. Exits 3 when GitHub refuses the token. docs/cli.md lists the events, their fields and \
            the metrics.
            """
    )

    @Option(name: .customLong("org"), help: "An organization to watch (repeatable).")
    var orgs: [String] = []

    @Flag(help: "Your own account's migrations.")
    var user = false

    @Flag(help: "Print one JSON object per event, one per line.")
    var ndjson = false

    @Option(
        help: ArgumentHelp(
            "Serve Prometheus metrics at http://HOST:PORT/metrics (e.g. 127.0.0.1:9464; port 0 picks one).",
            valueName: "host:port"))
    var metricsListen: String?

    @Flag(help: "Download each archive that finishes exporting while watched, into --output.")
    var autoDownload = false

    @Option(help: "The download folder (default: download_dir from the config file, else .).")
    var output: String?

    @Option(help: "Requests a minute to allow in steady state, 10-5000 (default 60).")
    var requestBudget: Int?

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if let metricsListen, ListenAddress(metricsListen) == nil {
            throw ValidationError("--metrics-listen \(metricsListen) is not HOST:PORT, e.g. 127.0.0.1:9464.")
        }
        if let requestBudget, !(10...5000).contains(requestBudget) {
            throw ValidationError("--request-budget takes 10 to 5000 requests a minute.")
        }
    }

    func run() async throws {
        let (settings, token) = try Result { () throws(CommandFailure) in
            try connection.headlessSettings { options in
                options.orgs = orgs
                options.downloadDirectory = output
                options.autoDownload = autoDownload
                options.requestBudget = requestBudget
            }
        }.orExit()
        var session = settings.session
        // --org alone leaves your own migrations out; --user alone leaves organizations out.
        session.watchesUser = user || orgs.isEmpty
        session.watchesOrganizations = !user || !orgs.isEmpty
        var watched = settings
        watched.session = session
        var watch = WatchOptions()
        watch.endsWithOutput = true
        watch.onJournalNotice = { Console.error("migdash: \($0)") }
        if let address = metricsListen.flatMap(ListenAddress.init) {
            watch.metricsHost = address.host
            watch.metricsPort = address.port
            watch.onListening = { port in
                Console.error("migdash: serving metrics at http://\(address.urlHost):\(port)/metrics")
            }
        }
        let ndjson = ndjson
        let outcome = await WatchLauncher.run(watched, token: token, options: watch) { events in
            for event in events { ndjson ? Self.printJSON(event) : Console.line(event.line) }
        }
        switch outcome {
        case .success(let end):
            if let signal = end.signal { throw ExitCode(Interruption.exitStatus(signal)) }
            // The reader went away: end as SIGPIPE would have, as Console does when a write fails.
            if end.outputClosed { throw ExitCode(128 + SIGPIPE) }
            if end.refused {
                Console.error("migdash: \(end.state.poll.haltMessage ?? "GitHub refused the token.") Watch stopped.")
                throw ExitCode(ExitStatus.denied)
            }
        case .failure(.cannotListen(let why)):
            throw CommandFailure.usage(why).exit()
        }
    }

    /// One event as one line of JSON (sorted keys, no spaces), written at once.
    private static func printJSON(_ event: WatchEvent) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(event) else { return }
        Console.line(String(decoding: data, as: UTF8.self))
    }
}

/// `HOST:PORT` as `--metrics-listen` takes it: `127.0.0.1:9464`, `[::1]:9464`, `0.0.0.0:9464`.
struct ListenAddress: Equatable {
    /// The host, without brackets.
    var host: String
    /// 0 to 65535; 0 lets the system choose.
    var port: Int

    /// Parses the text, or nil when it is not a host and a port.
    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, host.count <= 253, host.allSatisfy({ $0.isLetter || $0.isNumber || ".-:".contains($0) })
        else { return nil }
        self.host = host
        self.port = port
    }

    /// The host as a URL writes it: an IPv6 address in brackets.
    var urlHost: String { host.contains(":") ? "[\(host)]" : host }
}
