import DashboardCore
import Foundation
import Testing

@testable import DashboardApp

@Suite("The configuration file: errors that name their place, a named file that must exist, ~ from HOME")
struct ConfigFileTests {
    /// The one line a configuration error prints, or nil when the YAML was accepted.
    private func complaint(_ yaml: String) -> String? {
        do {
            _ = try ConfigFile.parse(yaml, path: "config.yml")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("a wrong type, an unknown setting and bad key names are reported as PATH:LINE:COLUMN: reason")
    func placedErrors() {
        let cases: [(yaml: String, line: String)] = [
            (
                "hostname: ghe.example.com\norgs: [octo-org]\nbell: true\nreadonly: sometimes\n",
                "config.yml:4:11: readonly must be true or false"
            ),
            ("orgs: [octo-org]\ncolour: red\n", "config.yml:2:1: unknown setting \"colour\""),
            ("orgs: [octo-org, {name: x}]\n", "config.yml:1:18: each entry of orgs must be text"),
            ("imports: {a: b}\n", "config.yml:1:10: imports must be a list"),
            ("theme:\n  name: light\n", "config.yml:2:3: theme must be text"),
            ("keys: [quit]\n", "config.yml:1:7: keys must be a mapping of command: [keys]"),
            (
                "keys:\n  refresh: [F5, r]\n  quit: [q, Ctrl-Q, Hyper-X]\n",
                "config.yml:3:21: unknown key \"Hyper-X\" in the key bindings"
            ),
            ("- octo-org\n", "config.yml:1:1: expected a mapping of settings"),
            (#""col\e[2Jour": red"#, "config.yml:1:1: unknown setting \"col?[2Jour\""),
            ("orgs: [a]\nbell: \u{7}\n", "config.yml:2:7: not valid YAML: control characters are not allowed"),
        ]
        for (yaml, line) in cases {
            #expect(complaint(yaml) == line, "for \(yaml.debugDescription)")
        }
        let command = complaint("orgs: [a]\nkeys:\n  qiut: [x]\n")
        #expect(command?.hasPrefix("config.yml:3:3: unknown command \"qiut\" in the key bindings; known: ") == true)
    }

    @Test("YAML that does not parse names the line and column libyaml stopped at")
    func syntaxErrors() {
        #expect(
            complaint("orgs: [octo-org\nbell: true\n")
                == "config.yml:2:5: not valid YAML: did not find expected ',' or ']'")
        let tab = complaint("orgs: [a]\n\tbell: true\n")
        #expect(tab?.hasPrefix("config.yml:2:1: not valid YAML: ") == true, "\(tab ?? "")")
        #expect(
            complaint("orgs: [a]\nbell: true\norgs: [b]\n") == "config.yml:3:1: a setting appears twice: \"orgs\"")
    }

    @Test("a theme file that is not YAML is one line naming the line and column")
    func themeSyntax() {
        let error = #expect(throws: ThemeError.self) { try ThemeLoader.parse("roles:\n  a: [b\n", name: "mine.yml") }
        #expect(
            error?.description
                == "theme mine.yml: line 3, column 1: not valid YAML: did not find expected ',' or ']'")
    }

    @Test("good values of every kind are read as before")
    func goodValues() throws {
        let config = try ConfigFile.parse(
            """
            api_url: https://ghe.example.com/api/v3
            orgs: octo-org
            download_dir: 2024
            readonly: yes
            auto_download: false
            keys:
              quit: Q
              refresh: [F5, r]
            """, path: "config.yml")
        #expect(config.apiURL == "https://ghe.example.com/api/v3")
        #expect(config.orgs == ["octo-org"])
        #expect(config.downloadDirectory == "2024")
        #expect(config.readOnly == true && config.autoDownload == false)
        #expect(config.keys == ["quit": ["Q"], "refresh": ["F5", "r"]])
        #expect(try ConfigFile.parse("# nothing yet\n", path: "config.yml") == ConfigFile())
    }

    @Test("--config naming a missing or unreadable file is an error; a missing default file is not")
    func namedFileMustExist() throws {
        let home = try FileManager.default.url(
            for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: URL(fileURLWithPath: "/tmp"),
            create: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["HOME": home.path, "XDG_CONFIG_HOME": home.path]
        var options = LaunchOptions()
        options.token = "t"
        #expect(try Settings.resolve(options, environment: environment).apiURL == "https://api.github.com")
        options.configPath = home.path + "/missing.yml"
        let missing = #expect(throws: ConfigError.self) { try Settings.resolve(options, environment: environment) }
        #expect(
            missing?.description
                == "\(home.path)/missing.yml: cannot read the configuration file: no such file or directory")
        #expect(throws: ConfigError.self) { try Settings.resolveConnection(options, environment: environment) }
        options.configPath = home.path
        let folder = #expect(throws: ConfigError.self) { try Settings.resolve(options, environment: environment) }
        #expect(folder?.description == "\(home.path): cannot read the configuration file: is a directory")
        options.configPath = "~/named.yml"
        try "orgs: [from-named]\n".write(toFile: home.path + "/named.yml", atomically: true, encoding: .utf8)
        #expect(try Settings.resolve(options, environment: environment).session.configuredOrgs == ["from-named"])
    }

    @Test("~ in download_dir and in a theme path is the environment's HOME, as a shell expands it")
    func tildeFromHome() throws {
        let home = try FileManager.default.url(
            for: .itemReplacementDirectory, in: .userDomainMask, appropriateFor: URL(fileURLWithPath: "/tmp"),
            create: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = ["HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config"]
        try FileManager.default.createDirectory(
            atPath: home.path + "/config/migdash", withIntermediateDirectories: true)
        let theme = try #require(BuiltinThemes.yaml["light"]).replacingOccurrences(
            of: "name: light", with: "name: mine")
        try theme.write(toFile: home.path + "/mine.yml", atomically: true, encoding: .utf8)
        try "download_dir: ~/archives\ntheme: ~/mine.yml\n".write(
            toFile: home.path + "/config/migdash/config.yml", atomically: true, encoding: .utf8)
        var options = LaunchOptions()
        options.token = "t"
        let settings = try Settings.resolve(options, environment: environment)
        #expect(settings.downloadDirectory.path == home.path + "/archives")
        #expect(settings.theme.name == "mine")
        options.downloadDirectory = "~"
        #expect(try Settings.resolveConnection(options, environment: environment).downloadDirectory.path == home.path)
        #expect(PathExpansion.expand("~/a/b", environment: ["HOME": "/h"]) == "/h/a/b")
        #expect(PathExpansion.expand("~/a", environment: ["HOME": "/"]) == "/a")
        #expect(PathExpansion.expand("a/~/b", environment: ["HOME": "/h"]) == "a/~/b")
        #expect(PathExpansion.expand("~no-such-user-here/x", environment: ["HOME": "/h"]) == "~no-such-user-here/x")
    }
}
