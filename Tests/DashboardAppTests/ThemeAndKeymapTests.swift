import DashboardCore
import Foundation
import TerminalUI
import Testing

@testable import DashboardApp

@Suite("Themes and key bindings are data, checked against the catalogue")
struct ThemeAndKeymapTests {
    @Test("every shipped theme covers every role", arguments: ["default", "light", "high-contrast", "monochrome"])
    func shippedThemes(name: String) throws {
        let theme = try ThemeLoader.parse(RepositoryFiles.text("themes/\(name).yml"), name: name)
        #expect(theme.name == name)
        for role in ThemeRole.allCases { #expect(theme.styles[role.rawValue] != nil, "\(name) lacks \(role.rawValue)") }
    }

    @Test("the embedded themes are exactly the files in themes/ (run scripts/embed-themes.sh after editing)")
    func embeddedMatchFiles() throws {
        for (name, embedded) in BuiltinThemes.yaml {
            let file = try RepositoryFiles.text("themes/\(name).yml")
            #expect(embedded + "\n" == file, "BuiltinThemes.swift is stale for \(name)")
        }
        let files = try FileManager.default.contentsOfDirectory(
            atPath: RepositoryFiles.root.appendingPathComponent("themes").path)
        #expect(Set(files.map { $0.replacingOccurrences(of: ".yml", with: "") }) == Set(BuiltinThemes.yaml.keys))
    }

    @Test("a theme with an unknown role, a missing role or a bad colour is refused with its name")
    func badThemes() throws {
        let good = try RepositoryFiles.text("themes/default.yml")
        #expect(throws: ThemeError.unknownRole(theme: "x", role: "state.sparkly")) {
            try ThemeLoader.parse(good + "  state.sparkly: {fg: red}\n", name: "x")
        }
        let missing = good.replacingOccurrences(of: "  state.failed: {fg: red, bold: true}\n", with: "")
        #expect(throws: ThemeError.missingRoles(theme: "x", roles: ["state.failed"])) {
            try ThemeLoader.parse(missing, name: "x")
        }
        let badColour = good.replacingOccurrences(of: "state.failed: {fg: red", with: "state.failed: {fg: mauve")
        #expect(throws: ThemeError.badColor(theme: "x", role: "state.failed", value: "mauve")) {
            try ThemeLoader.parse(badColour, name: "x")
        }
    }

    @Test("NO_COLOR selects monochrome unless a theme is named")
    func noColor() throws {
        #expect(try ThemeLoader.load(nil, environment: ["NO_COLOR": "1"]).name == "monochrome")
        #expect(try ThemeLoader.load("light", environment: ["NO_COLOR": "1"]).name == "light")
        #expect(try ThemeLoader.load(nil, environment: [:]).name == "default")
        let mono = try ThemeLoader.load("monochrome", environment: [:])
        #expect(mono.styles.values.allSatisfy { $0.foreground == .default && $0.background == .default })
    }

    @Test("docs/keybindings.md is generated from the key table and is current")
    func keybindingsDoc() throws {
        let generated = Keymap.defaults.markdown
        if ProcessInfo.processInfo.environment["MIGDASH_RECORD_SNAPSHOTS"] == "1" {
            try generated.write(
                to: RepositoryFiles.root.appendingPathComponent("docs/keybindings.md"), atomically: true,
                encoding: .utf8)
            Issue.record("rewrote docs/keybindings.md; run again without MIGDASH_RECORD_SNAPSHOTS")
            return
        }
        let current = try? RepositoryFiles.text("docs/keybindings.md")
        #expect(
            current == generated, "docs/keybindings.md is stale: run the tests once with MIGDASH_RECORD_SNAPSHOTS=1")
    }

    @Test("every command has a key and no key runs two commands")
    func keyTable() {
        let keymap = Keymap.defaults
        for command in Command.allCases { #expect(!keymap.keys(for: command).isEmpty, "\(command) has no key") }
        let keys = keymap.bindings.map(\.key)
        #expect(Set(keys).count == keys.count)
    }

    @Test("overrides replace a command's keys; unknown names are refused; Ctrl-C always quits")
    func overrides() throws {
        let keymap = try Keymap.defaults.overriding(with: ["quit": ["Q"], "refresh": ["F5", "r"]]).get()
        #expect(keymap.command(for: .character("Q")) == .quit)
        #expect(keymap.command(for: .character("q")) == nil)
        #expect(keymap.command(for: .control("c")) == .quit)
        #expect(keymap.command(for: .function(5)) == .refresh)
        #expect(Keymap.defaults.overriding(with: ["fly": ["f"]]) == .failure(.unknownCommand("fly")))
        #expect(Keymap.defaults.overriding(with: ["quit": ["Hyper-Q"]]) == .failure(.unknownKey("Hyper-Q")))
        let stolen = try Keymap.defaults.overriding(with: ["refresh": ["Ctrl-C"]]).get()
        #expect(stolen.command(for: .control("c")) == .quit)
    }
}
