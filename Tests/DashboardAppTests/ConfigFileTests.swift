import DashboardCore
import Foundation
import Testing

@testable import DashboardApp

@Suite("The configuration file: ~ from HOME")
struct ConfigFileTests {
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
