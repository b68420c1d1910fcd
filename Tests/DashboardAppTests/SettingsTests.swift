import DashboardCore
import Foundation
import Testing

@testable import DashboardApp

@Suite("Settings: flags, environment, config file and gh's hosts.yml")
struct SettingsTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("migdash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("the token comes from the flag, then GH_TOKEN, then GITHUB_TOKEN, then hosts.yml")
    func tokenOrder() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let gh = home.appendingPathComponent(".config/gh")
        try FileManager.default.createDirectory(at: gh, withIntermediateDirectories: true)
        try "github.com:\n  oauth_token: from-hosts\n  user: octocat\nghe.example.com:\n  oauth_token: ghe-hosts\n"
            .write(to: gh.appendingPathComponent("hosts.yml"), atomically: true, encoding: .utf8)
        let env = ["HOME": home.path]
        #expect(try TokenResolver.resolve(flag: "flag", host: "github.com", environment: env) == "flag")
        #expect(
            try TokenResolver.resolve(
                flag: nil, host: "github.com", environment: env.merging(["GITHUB_TOKEN": "b", "GH_TOKEN": "a"]) { $1 })
                == "a")
        #expect(
            try TokenResolver.resolve(
                flag: nil, host: "github.com", environment: env.merging(["GITHUB_TOKEN": "b"]) { $1 })
                == "b")
        #expect(try TokenResolver.resolve(flag: nil, host: "github.com", environment: env) == "from-hosts")
        #expect(
            try TokenResolver.resolve(
                flag: nil, host: "ghe.example.com", environment: env.merging(["GH_TOKEN": "a"]) { $1 }) == "ghe-hosts")
        #expect(
            try TokenResolver.resolve(
                flag: nil, host: "ghe.example.com", environment: env.merging(["GH_ENTERPRISE_TOKEN": "e"]) { $1 })
                == "e")
        #expect(try TokenResolver.resolve(flag: nil, host: "github.com", environment: ["HOME": "/nonexistent"]) == nil)
        #expect(
            try TokenResolver.resolve(flag: nil, host: "github.com", environment: ["GH_CONFIG_DIR": gh.path])
                == "from-hosts")
    }

    @Test("the config file fills in what flags leave out, and flags win")
    func configAndFlags() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("config.yml").path
        try """
        hostname: ghe.example.com
        orgs: [octo-org]
        theme: light
        readonly: true
        bell: false
        download_dir: /tmp/archives
        imports: [octocat/legacy]
        download_concurrency: 4
        keys:
          refresh: [F5]
        """.write(toFile: path, atomically: true, encoding: .utf8)
        var options = LaunchOptions()
        options.configPath = path
        options.token = "t"
        var settings = try Settings.resolve(options, environment: [:])
        #expect(settings.apiURL == "https://ghe.example.com/api/v3")
        #expect(settings.host == "ghe.example.com")
        #expect(settings.session.configuredOrgs == ["octo-org"])
        #expect(settings.session.readOnly && !settings.session.bell)
        #expect(settings.theme.name == "light")
        #expect(settings.downloadDirectory.path == "/tmp/archives")
        #expect(settings.session.followedImports == ["octocat/legacy"])
        #expect(settings.keymap.command(for: .function(5)) == .refresh)
        #expect(settings.session.downloadConcurrency == 4)
        options.downloadConcurrency = 1
        #expect(try Settings.resolve(options, environment: [:]).session.downloadConcurrency == 1)
        options.apiURL = "http://127.0.0.1:9/api/v3"
        options.orgs = ["other"]
        options.theme = "high-contrast"
        settings = try Settings.resolve(options, environment: [:])
        #expect(settings.apiURL == "http://127.0.0.1:9/api/v3")
        #expect(settings.session.configuredOrgs == ["other"])
        #expect(settings.theme.name == "high-contrast")
    }

    @Test("download_concurrency outside 1-16 is refused at its line and column")
    func concurrencyRange() throws {
        for value in ["0", "17", "two", "2.5"] {
            let error = #expect(throws: ConfigError.self) {
                try ConfigFile.parse("bell: true\ndownload_concurrency: \(value)\n", path: "config.yml")
            }
            #expect(error?.description == "config.yml:2:23: download_concurrency must be a whole number from 1 to 16")
        }
    }

    @Test("files merely named like archives are not taken as downloaded: only the manifest vouches for one")
    func archiveScanner() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in [
            "octo-org-migration-1042-0b989ba4-242f.tar.gz", "user-migration-7-abc.tar.gz", "notes.txt", "x.tar.gz.part",
        ] {
            FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data())
        }
        #expect(ArchiveScanner.scan(dir).isEmpty)
    }
}
