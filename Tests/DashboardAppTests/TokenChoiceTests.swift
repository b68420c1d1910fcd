import Foundation
import Testing

@testable import DashboardApp

/// Which token goes to which API root: chosen by the host of the URL actually used, however it is
/// spelled, never by a host named somewhere else.
@Suite("Settings choose the token by the API URL's host")
struct TokenChoiceTests {
    /// A home with gh's `hosts.yml` holding a github.com token and nothing else of this machine.
    private final class Home {
        let url: URL
        init(hosts: String? = nil) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("migdash-token-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            if let hosts {
                try hosts.write(to: url.appendingPathComponent("hosts.yml"), atomically: true, encoding: .utf8)
            }
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        /// HOME, both config directories and gh's pointing here, plus `more`.
        func environment(_ more: [String: String] = [:]) -> [String: String] {
            ["HOME": url.path, "XDG_CONFIG_HOME": url.path, "GH_CONFIG_DIR": url.path].merging(more) { $1 }
        }
        /// A config file here with `text`; returns its path.
        func config(_ text: String) throws -> String {
            let path = url.appendingPathComponent("config.yml").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    private func options(apiURL: String? = nil, hostname: String? = nil, config: String? = nil) -> LaunchOptions {
        var options = LaunchOptions()
        options.apiURL = apiURL
        options.hostname = hostname
        options.configPath = config
        return options
    }

    private let both = ["GH_TOKEN": "dotcom", "GH_ENTERPRISE_TOKEN": "enterprise"]

    @Test("GH_HOST=github.com does not choose GH_TOKEN or hosts.yml's github.com token for another --api-url")
    func ghHostIsNotTheAPIHost() throws {
        let home = try Home(hosts: "github.com:\n  oauth_token: from-hosts\n")
        let environment = home.environment(["GH_HOST": "github.com", "GH_TOKEN": "dotcom"])
        let error = #expect(throws: SettingsError.self) {
            try Settings.resolveConnection(options(apiURL: "http://127.0.0.1:9/api/v3"), environment: environment)
        }
        #expect(error?.description.hasPrefix("no GitHub token for 127.0.0.1: ") == true)
        #expect(error.map { !$0.description.contains("dotcom") && !$0.description.contains("from-hosts") } == true)
        #expect(throws: SettingsError.self) {
            try Settings.resolve(options(apiURL: "http://127.0.0.1:9/api/v3"), environment: environment)
        }
        // With no --api-url, GH_HOST names the server, and its token goes there.
        let settings = try Settings.resolveConnection(options(), environment: environment)
        #expect(settings.apiURL == "https://api.github.com" && settings.token == "dotcom")
    }

    @Test("config's hostname and api_url naming different hosts is one line naming both; the same host is fine")
    func configDisagreement() throws {
        let home = try Home()
        let path = try home.config("hostname: github.com\napi_url: http://127.0.0.1:9\n")
        let error = #expect(throws: ConfigError.self) {
            try Settings.resolveConnection(options(config: path), environment: home.environment(both))
        }
        #expect(
            error?.description == "\(path): hostname names github.com but api_url names 127.0.0.1; keep one of them")
        let agreeing = try home.config("hostname: GHE.example.com.\napi_url: https://ghe.example.com/api/v3/\n")
        let settings = try Settings.resolveConnection(options(config: agreeing), environment: home.environment(both))
        #expect(settings.apiURL == "https://ghe.example.com/api/v3")
        #expect(settings.host == "ghe.example.com" && settings.token == "enterprise")
        // A flag names the server on its own: the config's hostname does not choose the token for it.
        let flagged = try Settings.resolveConnection(
            options(apiURL: "https://api.github.com", config: agreeing), environment: home.environment(both))
        #expect(flagged.token == "dotcom")
    }

    @Test("every spelling of github.com's API is github.com: GH_TOKEN, never the Enterprise token")
    func githubSpellings() throws {
        let home = try Home()
        for spelling in [
            "https://api.github.com/", "https://API.github.com", "https://api.github.com:443",
            "https://api.github.com.", "HTTPS://Api.GitHub.Com.:443//", "https://api.github.com/ ",
        ] {
            let settings = try Settings.resolveConnection(
                options(apiURL: spelling), environment: home.environment(both))
            #expect(settings.token == "dotcom", "\(spelling)")
            #expect(settings.host == "github.com", "\(spelling)")
            #expect(settings.apiURL == "https://api.github.com", "\(spelling)")
        }
        for hostname in ["github.com", "GitHub.com.", "api.github.com", "https://github.com/"] {
            let settings = try Settings.resolveConnection(
                options(hostname: hostname), environment: home.environment(both))
            #expect(settings.token == "dotcom" && settings.apiURL == "https://api.github.com", "\(hostname)")
        }
    }

    @Test("a host that merely looks like github.com gets the Enterprise token, never GH_TOKEN")
    func lookalikes() throws {
        let home = try Home()
        for url in [
            "https://api.github.com.evil.example", "https://evil.example/api.github.com",
            "https://evil.example/api/v3?host=api.github.com", "https://xapi.github.com",
        ] {
            let settings = try? Settings.resolveConnection(options(apiURL: url), environment: home.environment(both))
            #expect(settings?.token != "dotcom", "\(url)")
        }
        let withUser = #expect(throws: SettingsError.self) {
            try Settings.resolveConnection(
                options(apiURL: "https://api.github.com@evil.example"), environment: home.environment(both))
        }
        #expect(withUser?.description.contains("user name or password") == true)
    }

    @Test("an Enterprise Server root keeps the Enterprise token, and GHE.com's API gets GH_TOKEN as gh does")
    func enterpriseHosts() throws {
        let home = try Home(hosts: "ghe.example.com:\n  oauth_token: ghe-hosts\n")
        let ghes = try Settings.resolveConnection(
            options(apiURL: "https://GHE.example.com:443/api/v3/"), environment: home.environment())
        #expect(ghes.token == "ghe-hosts" && ghes.host == "ghe.example.com")
        #expect(ghes.apiURL == "https://ghe.example.com/api/v3")
        let tenancy = try Settings.resolveConnection(
            options(hostname: "octocorp.ghe.com"), environment: home.environment(both))
        #expect(tenancy.apiURL == "https://api.octocorp.ghe.com")
        #expect(tenancy.host == "octocorp.ghe.com" && tenancy.token == "dotcom")
    }

    @Test("plain http is refused for a host that is not this machine, unless --insecure-http or insecure_http")
    func plainHTTP() throws {
        let home = try Home()
        for url in [
            "http://ghe.example.com/api/v3", "http://127.0.0.1.nip.io", "http://localhost.example",
            "http://10.0.0.1:8080", "http://[::ffff:10.0.0.1]", "http://0x7f.1",
        ] {
            let error = #expect(throws: SettingsError.self, "\(url)") {
                try Settings.resolveConnection(options(apiURL: url), environment: home.environment(both))
            }
            #expect(error?.description.contains("clear text") == true)
            var allowed = options(apiURL: url)
            allowed.insecureHTTP = true
            #expect(try Settings.resolveConnection(allowed, environment: home.environment(both)).token == "enterprise")
        }
        for url in [
            "http://127.0.0.1:9", "http://127.8.9.10", "http://[::1]:9", "http://localhost:9", "http://LOCALHOST.:9",
        ] {
            #expect(throws: Never.self, "\(url)") {
                try Settings.resolveConnection(options(apiURL: url), environment: home.environment(both))
            }
        }
        let path = try home.config("api_url: http://ghe.example.com/api/v3\ninsecure_http: true\n")
        #expect(try Settings.resolveConnection(options(config: path), environment: home.environment(both)).token != nil)
    }

    @Test("an API URL that is not http(s) with a host is one line, naming where it came from")
    func unusableURLs() throws {
        let home = try Home()
        for (url, reason) in [
            ("ftp://ghe.example.com", "is not an http or https URL"),
            ("ghe.example.com", "is not an http or https URL"),
            ("https://", "names no host"), ("https://ghe.example.com/api/v3#x", "must not have a query or fragment"),
        ] {
            let error = #expect(throws: SettingsError.self, "\(url)") {
                try Settings.resolveConnection(options(apiURL: url), environment: home.environment(both))
            }
            #expect(error?.description.hasPrefix("--api-url ") == true, "\(String(describing: error))")
            #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
        }
    }

    @Test("a token with a space, a line break or a control character is refused, and never printed")
    func malformedTokens() throws {
        let home = try Home()
        for token in ["two words", "line\r\nX-Injected: 1", "bell\u{07}", "tab\tbed", "naïve"] {
            let error = #expect(throws: SettingsError.self) {
                try Settings.resolveConnection(options(), environment: home.environment(["GH_TOKEN": token]))
            }
            #expect(error?.description == "the token from GH_TOKEN is not one word of printable ASCII")
        }
    }
}
