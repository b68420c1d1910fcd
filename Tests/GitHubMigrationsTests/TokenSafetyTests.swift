import Foundation
import Logging
import MigrationSimulator
import Synchronization
import Testing

@testable import GitHubMigrations

@Suite("The token goes to the API host only")
struct TokenSafetyTests {
    @Test("an archive download reaches the storage host with no Authorization, and arrives whole")
    func downloadWithoutToken() async throws {
        try await SimulatorHarness.run { simulator, client, _ in
            let scope = MigrationScope.organization("octo-org")
            let exported = try #require(try await client.listMigrations(scope).first { $0.state == .exported })
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            simulator.clearRequests()
            let file = try await client.downloadArchive(scope, id: exported.id, guid: exported.guid, into: directory)
            let bytes = try Data(contentsOf: file)
            #expect(bytes.starts(with: [0x1f, 0x8b]), "a gzip stream")
            #expect(!FileManager.default.fileExists(atPath: file.path + ".part"))
            let storage = simulator.requests.filter { $0.listener == .storage }
            #expect(storage.count == 1)
            #expect(storage.allSatisfy { $0.status == 200 && !$0.hasAuthorization })
            let api = simulator.requests.filter { $0.listener == .api }
            #expect(api.allSatisfy { $0.hasAuthorization })
            let again = try await client.downloadArchive(scope, id: exported.id, guid: exported.guid, into: directory)
            #expect(again == file)
            #expect(try Data(contentsOf: again) == bytes)
        }
    }

    @Test("one server spelled two ways is one origin: case, a default port, the host's trailing dot, brackets")
    func originSpellings() {
        let github = Origin("https://api.github.com")
        for spelling in [
            "https://api.github.com/", "https://API.github.com", "https://api.github.com:443/x",
            "https://api.github.com.",
            "HTTPS://Api.GitHub.Com.:443//user",
        ] {
            #expect(Origin(spelling) == github, "\(spelling)")
        }
        #expect(Origin("http://[::1]:8080/a")?.host == "::1")
        for other in [
            "http://api.github.com", "https://api.github.com:8443", "https://api.github.com.evil.example",
            "https://xapi.github.com", "https://%61pi.github.com",
        ] {
            #expect(Origin(other) != github, "\(other)")
        }
    }

    @Test("the API root is spelled one way: what the client compares Link and redirect URLs with")
    func baseURLNormalised() {
        #expect(
            ClientConfiguration(baseURL: "HTTPS://API.github.com.:443/", token: "t").baseURL == "https://api.github.com"
        )
        #expect(
            ClientConfiguration(baseURL: "https://ghe.example.com/api/v3//", token: "t").baseURL
                == "https://ghe.example.com/api/v3")
        #expect(ClientConfiguration(baseURL: "http://127.0.0.1:8080", token: "t").baseURL == "http://127.0.0.1:8080")
    }

    @Test("debug logs redact Authorization and never contain the token")
    func redactedLogs() async throws {
        let sink = LogSink()
        try await SimulatorHarness.run(configure: { configuration in
            var logger = Logger(label: "test", factory: { _ in sink })
            logger.logLevel = .debug
            configuration.logger = logger
        }) { _, client, _ in
            _ = try await client.authenticatedUser()
        }
        let lines = sink.lines
        #expect(lines.contains { $0.contains("Authorization: <redacted>") })
        #expect(!lines.contains { $0.contains(SimulatorOptions.defaultToken) })
    }
}

/// A log handler that keeps every line, for asserting what logs contain.
final class LogSink: LogHandler, Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }
    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        let rendered = "\(message) \(metadata.map { "\($0)" } ?? "")"
        storage.withLock { $0.append(rendered) }
    }
}
