import Foundation

/// `migdash simulate` running as a child process: a simulated GitHub on a loopback port,
/// with its clock and faults driven through the `/_simulator/*` control endpoints.
public final class SimulatorProcess: Sendable {
    /// The token the simulator accepts by default.
    public static let defaultToken = "migdash-demo-token"

    /// The API root, e.g. `http://127.0.0.1:41234`.
    public let apiURL: String
    private let processID: Int32
    private let exit: ProcessExit
    private let output: PipeDrain

    /// Starts `migdash simulate --port 0` with extra `arguments` and waits for its `listening on` line.
    public init(arguments: [String] = [], timeout: Duration = .seconds(10)) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try MigdashBinary.path)
        process.arguments = ["simulate", "--port", "0"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "interactive=no"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        exit = ProcessExit(watching: process)
        try process.run()
        processID = process.processIdentifier
        output = PipeDrain(pipe.fileHandleForReading)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var found: String?
        while found == nil {
            found = Self.listeningURL(in: output.text)
            if found != nil { break }
            guard !exit.hasEnded, clock.now < deadline else {
                process.terminate()
                throw TestSupportError.outputTimeout(
                    waitingFor: "the simulator's `listening on` line", seconds: Double(timeout.components.seconds),
                    output: output.text)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        apiURL = found!
    }

    deinit { terminate() }

    /// Everything the simulator printed so far.
    public var printed: String { output.text }

    /// Moves the simulator's clock forward, so migrations and imports progress without waiting.
    public func advance(seconds: Double) async throws {
        let reply = try await LoopbackHTTP.send(
            "POST", url(apiURL + "/_simulator/advance"), body: Data("{\"seconds\": \(seconds)}".utf8))
        try reply.expect(200, "POST /_simulator/advance")
    }

    /// Queues a fault, described as the control endpoint takes it, e.g. `{"kind":"status","status":502}`.
    public func inject(fault json: String) async throws {
        let reply = try await LoopbackHTTP.send("POST", url(apiURL + "/_simulator/faults"), body: Data(json.utf8))
        try reply.expect(201, "POST /_simulator/faults")
    }

    /// The requests the API has answered so far, oldest first.
    public func requests() async throws -> [LoggedRequest] {
        let reply = try await LoopbackHTTP.send("GET", url(apiURL + "/_simulator/requests"))
        try reply.expect(200, "GET /_simulator/requests")
        return try JSONDecoder().decode([LoggedRequest].self, from: reply.body)
    }

    /// Sends an authenticated API request (redirects are not followed) and returns the answer.
    public func api(_ method: String, _ path: String, token: String = defaultToken) async throws -> HTTPReply {
        try await LoopbackHTTP.send(method, url(apiURL + path), token: token)
    }

    /// Starts an organization migration as another client would, and returns its id; `lockRepositories`
    /// locks its repositories until they are unlocked.
    public func startMigration(org: String, repositories: [String], lockRepositories: Bool = false) async throws
        -> Int
    {
        var fields: [String: Any] = ["repositories": repositories]
        if lockRepositories { fields["lock_repositories"] = true }
        let body = try JSONSerialization.data(withJSONObject: fields)
        let reply = try await LoopbackHTTP.send(
            "POST", url(apiURL + "/orgs/\(org)/migrations"), body: body, token: Self.defaultToken)
        try reply.expect(201, "POST /orgs/\(org)/migrations")
        let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]
        guard let id = (object?["id"] as? NSNumber)?.intValue else {
            throw TestSupportError.unexpectedResponse("no id in the started migration")
        }
        return id
    }

    /// Sends the simulator SIGTERM, without waiting. Safe to call more than once.
    public func terminate() {
        if !exit.hasEnded { kill(processID, SIGTERM) }
    }

    /// Sends the simulator SIGTERM and waits for it to end; returns its exit status.
    @discardableResult
    public func stop() async -> Int32 {
        terminate()
        return await exit.wait()
    }

    private func url(_ text: String) throws -> URL {
        guard let url = URL(string: text) else { throw TestSupportError.unexpectedResponse("bad URL \(text)") }
        return url
    }

    private static func listeningURL(in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("listening on ") {
            return String(line.dropFirst("listening on ".count)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
