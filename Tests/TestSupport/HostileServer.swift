import Foundation

/// A stand-in for GitHub that misbehaves on purpose, on a loopback port: huge numbers, endless pages,
/// slow bodies, escape sequences, hostile names. Its scenarios are data (`Hostile/scenarios.json`),
/// served by `Hostile/hostile_server.py`; each test starts the scenario it needs.
public final class HostileServer: Sendable {
    /// The port it listens on, on 127.0.0.1.
    public let port: Int
    private let processID: Int32
    private let exit: ProcessExit

    /// The folder of the server and its scenarios.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile")

    /// The API root, github.com style.
    public var apiURL: String { "http://127.0.0.1:\(port)" }

    /// Starts scenario `name`; returns once it listens.
    public init(scenario name: String, timeout: Duration = .seconds(10)) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try ProcessRunner.locate("python3"))
        process.arguments = [
            Self.folder.appendingPathComponent("hostile_server.py").path,
            Self.folder.appendingPathComponent("scenarios.json").path, name,
        ]
        let pipe = Pipe()
        let errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        exit = ProcessExit(watching: process)
        try process.run()
        processID = process.processIdentifier
        let output = PipeDrain(pipe.fileHandleForReading)
        let errorOutput = PipeDrain(errors.fileHandleForReading)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var found: Int?
        while found == nil {
            found = output.text.split(separator: "\n").first.flatMap { Int($0) }
            if found != nil { break }
            guard !exit.hasEnded, ContinuousClock.now < deadline else {
                kill(processID, SIGKILL)
                throw TestSupportError.outputTimeout(
                    waitingFor: "the hostile server's port (scenario \(name))",
                    seconds: Double(timeout.components.seconds), output: output.text + errorOutput.text)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        port = found!
    }

    deinit { stop() }

    /// One request the server answered.
    public struct Request: Decodable, Sendable, Equatable {
        /// The method.
        public var method: String
        /// The path and query as sent.
        public var path: String
        /// The `Authorization` header as sent, nil when there was none.
        public var authorization: String?
    }

    /// Every request so far, oldest first (the log's own requests included).
    public func requests() async throws -> [Request] {
        let reply = try await LoopbackHTTP.send("GET", URL(string: "\(apiURL)/_hostile/requests")!)
        try reply.expect(200, "GET /_hostile/requests")
        return try JSONDecoder().decode([Request].self, from: reply.body)
    }

    /// Ends the server (SIGKILL: a child started from a worker thread blocks SIGTERM). Safe to call twice.
    public func stop() {
        if !exit.hasEnded { kill(processID, SIGKILL) }
    }
}
