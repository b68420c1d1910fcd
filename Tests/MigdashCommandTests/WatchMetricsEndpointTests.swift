import Foundation
import TestSupport
import Testing

/// True when Python's `prometheus_client` can be imported; CI installs it and sets
/// MIGDASH_REQUIRE_PROMETHEUS_CLIENT=1, so there the parser test runs or fails, never skips.
private let prometheusParserUsable: Bool = {
    if ProcessInfo.processInfo.environment["MIGDASH_REQUIRE_PROMETHEUS_CLIENT"] == "1" { return true }
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    probe.arguments = ["python3", "-c", "import prometheus_client"]
    probe.standardOutput = FileHandle.nullDevice
    probe.standardError = FileHandle.nullDevice
    guard (try? probe.run()) != nil else { return false }
    probe.waitUntilExit()
    return probe.terminationStatus == 0
}()

@Suite("migdash watch --metrics-listen: /metrics read by Prometheus's own parser, values as the simulator holds")
struct WatchMetricsEndpointTests {
    private struct Sample: Decodable {
        var family: String
        var type: String
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// The scrape, parsed by prometheus_client.
    private func parse(_ text: String) async throws -> [Sample] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Scripts/parse_metrics.py").path
        let input = try TemporaryDirectory(prefix: "migdash-metrics")
        let file = input.path + "/metrics.txt"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let outcome = try await ProcessRunner.run("/bin/sh", ["-c", "python3 \"$0\" < \"$1\"", script, file])
        try #require(outcome.status == 0, "prometheus_client rejected the scrape: \(outcome.errorOutput)")
        return try JSONDecoder().decode([Sample].self, from: Data(outcome.output.utf8))
    }

    /// The simulator's own count of octo-org's migrations by state.
    private func simulatorCounts(_ simulator: SimulatorProcess) async throws -> [String: Int] {
        let reply = try await simulator.api("GET", "/orgs/octo-org/migrations?per_page=100")
        try reply.expect(200, "GET /orgs/octo-org/migrations")
        let list = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]])
        return list.reduce(into: [:]) { counts, migration in
            counts[migration["state"] as? String ?? "?", default: 0] += 1
        }
    }

    @Test("Families, types and values match the simulator", .enabled(if: prometheusParserUsable))
    func scrape() async throws {
        // A slow export clock: the states must not move between the simulator's answer and the scrape.
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
        defer { simulator.terminate() }
        let arguments = [
            "watch", "--org", "octo-org", "--ndjson", "--metrics-listen", "127.0.0.1:0", "--api-url", simulator.apiURL,
            "--token-file", CommandRun.simulatorTokenFile,
        ]
        let watch = try ProcessRunner.launch(
            try MigdashBinary.path, arguments, environment: try CommandRun().environment)
        defer { kill(watch.processID, SIGKILL) }
        try await Polling.until("the metrics address and ready", timeout: .seconds(60), every: .milliseconds(100)) {
            watch.exit.hasEnded || (watch.errors.text.contains("/metrics") && watch.output.text.contains("\"ready\""))
        }
        let line = try #require(watch.errors.text.split(separator: "\n").first { $0.contains("serving metrics at") })
        let url = try #require(URL(string: String(line.split(separator: " ").last!)))
        let expected = try await simulatorCounts(simulator)
        var samples: [Sample] = []
        // The loop posts a reading every 2 s: look until the scrape has caught up with the ready state.
        try await Polling.until("a scrape with every migration", timeout: .seconds(30), every: .milliseconds(250)) {
            let reply = try await LoopbackHTTP.send("GET", url)
            try reply.expect(200, "GET /metrics")
            #expect(
                reply.headers.first { $0.key.lowercased() == "content-type" }?.value.hasPrefix("text/plain") == true)
            samples = try await parse(reply.text)
            let total = samples.filter { $0.name == "migdash_migrations" }.reduce(0) { $0 + $1.value }
            return Int(total) == expected.values.reduce(0, +)
        }
        for state in ["pending", "exporting", "exported", "failed"] {
            let sample = samples.first {
                $0.name == "migdash_migrations" && $0.labels["organization"] == "octo-org"
                    && $0.labels["state"] == state
            }
            #expect(sample?.value == Double(expected[state] ?? 0), "\(state)")
            #expect(sample?.type == "gauge")
        }
        let responses = samples.filter { $0.family == "migdash_http_responses" }
        #expect(responses.allSatisfy { $0.type == "counter" && $0.name == "migdash_http_responses_total" })
        #expect(responses.contains { $0.labels["status"] == "200" && $0.value > 0 })
        let remaining = try #require(samples.first { $0.name == "migdash_rate_limit_remaining" })
        #expect(remaining.value > 0 && remaining.value <= 5_000)
        #expect(samples.first { $0.name == "migdash_up" }?.value == 1)
        let polled = try #require(samples.first { $0.name == "migdash_last_successful_poll_timestamp_seconds" })
        #expect(abs(polled.value - Date().timeIntervalSince1970) < 120)
        // Every family is migdash_-prefixed, and every counter ends in _total.
        #expect(samples.allSatisfy { $0.name.hasPrefix("migdash_") })
        #expect(samples.filter { $0.type == "counter" }.allSatisfy { $0.name.hasSuffix("_total") })
        let other = try await LoopbackHTTP.send("GET", url.deletingLastPathComponent().appendingPathComponent("other"))
        #expect(other.status == 404)
        #expect(kill(watch.processID, SIGTERM) == 0)
        #expect(await watch.exit.wait() == 143)
    }
}
