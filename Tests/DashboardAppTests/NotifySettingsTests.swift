import DashboardCore
import Foundation
import TerminalUI
import Testing

@testable import DashboardApp

@Suite("Notifications in the settings: off by default, on with --notify or notify:, the file picks the sequence")
struct NotifySettingsTests {
    /// The session's notification choice for a config file of `yaml` and `--notify` or not.
    private func notifications(_ yaml: String, flag: Bool) throws -> NotificationProtocol? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("migdash-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("config.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        var options = LaunchOptions()
        options.configPath = path
        options.token = "t"
        options.notify = flag
        return try Settings.resolve(options, environment: [:]).session.notifications
    }

    @Test("off unless asked; `--notify` or `notify: true` send both sequences; a named one alone")
    func choices() throws {
        #expect(try notifications("orgs: [a]\n", flag: false) == nil)
        #expect(try notifications("notify: false\n", flag: false) == nil)
        #expect(try notifications("orgs: [a]\n", flag: true) == .both)
        #expect(try notifications("notify: true\n", flag: false) == .both)
        #expect(try notifications("notify: false\n", flag: true) == .both, "the flag wins")
        #expect(try notifications("notify: osc9\n", flag: false) == .osc9)
        #expect(try notifications("notify: osc777\n", flag: true) == .osc777)
    }

    @Test("a notify: that is neither a flag nor a sequence is one placed line")
    func refused() {
        for yaml in ["notify: sometimes\n", "notify:\n", "notify: [osc9]\n"] {
            #expect(throws: ConfigError.self, "for \(yaml.debugDescription)") {
                try ConfigFile.parse(yaml, path: "config.yml")
            }
        }
        do {
            _ = try ConfigFile.parse("orgs: [a]\nnotify: osc99\n", path: "config.yml")
            Issue.record("osc99 accepted")
        } catch {
            #expect("\(error)" == "config.yml:2:9: notify must be true, false, osc777, osc9 or both")
        }
    }
}
