import DashboardCore
import Foundation
import GitHubMigrations
import Testing

@testable import DashboardApp

@Suite("Files migdash reads are bounded: sizes, alias bombs, FIFOs")
struct LocalFileBoundsTests {
    /// Nine levels of nine aliases: about 390 million values from under 500 bytes.
    static let bomb = """
        a: &a [x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]

        """

    /// A smaller bomb (six levels of eight: 260,000 values), small enough for today's loaders to finish.
    static let smallBomb = """
        a: &a [x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e]

        """

    @Test("an alias bomb in a theme is refused with one line naming the aliases")
    func themeBomb() throws {
        let yaml = Self.smallBomb + "roles:\n  text: *f\n"
        let outcome = Result(catching: { try ThemeLoader.parse(yaml, name: "bomb.yml") })
        guard case .failure(let error) = outcome else {
            Issue.record("a bomb was accepted as a theme")
            return
        }
        #expect("\(error)".contains("aliases"), "\(error)")
    }

    @Test("an alias bomb in the configuration is refused with the line of the file, before anything expands it")
    func configBomb() throws {
        let yaml = Self.bomb + "orgs: [*i]\n"
        let started = ContinuousClock.now
        let outcome = Result(catching: { try ConfigFile.parse(yaml, path: "config.yml") })
        #expect(ContinuousClock.now - started < .seconds(2))
        guard case .failure(let error) = outcome else {
            Issue.record("a bomb was accepted as a configuration")
            return
        }
        #expect("\(error)".hasPrefix("config.yml:"), "\(error)")
        #expect("\(error)".contains("aliases"), "\(error)")
        #expect(!"\(error)".contains("\n"))
    }

    @Test("a bomb used as a mapping key or through a merge key is refused before Yams composes it")
    func bombAsKey() throws {
        for tail in ["? *i\n: 1\n", "x: {<<: *i}\n", "[*i, *i]: 1\n"] {
            let started = ContinuousClock.now
            #expect(throws: BoundedYAML.Refusal.self) { try BoundedYAML.compose(Self.bomb + tail) }
            #expect(ContinuousClock.now - started < .seconds(2), "\(tail.debugDescription)")
        }
    }

    @Test("a * inside quoted or plain text is no alias; an undefined alias is still Yams's error, at its place")
    func starsInText() throws {
        let config = try ConfigFile.parse(
            "orgs: [\"*star\", 'a*b', plain*star]\nimports: [\"x/*y\"]\n", path: "config.yml")
        #expect(config.orgs == ["*star", "a*b", "plain*star"])
        #expect(config.imports == ["x/*y"])
        let outcome = Result { () throws(ConfigError) in
            try ConfigFile.parse("orgs: [a]\nimports: *nowhere\n", path: "config.yml")
        }
        guard case .failure(let error) = outcome else {
            Issue.record("an undefined alias was accepted")
            return
        }
        #expect(error.line == 2, "\(error)")
    }

    @Test("a few aliases, as people use them to share a style, still load")
    func someAliases() throws {
        let builtin = try #require(BuiltinThemes.yaml["default"])
        let yaml = builtin.replacingOccurrences(
            of: "state.exported: {fg: green}", with: "state.exported: &ok {fg: green}"
        )
        .replacingOccurrences(of: "repo.unlocked: {fg: green}", with: "repo.unlocked: *ok")
        .replacingOccurrences(of: "archive.downloaded: {fg: green}", with: "archive.downloaded: *ok")
        #expect(yaml.contains("*ok") && yaml != builtin)
        let theme = try ThemeLoader.parse(yaml, name: "shared.yml")
        #expect(theme == (try ThemeLoader.parse(builtin, name: "shared.yml")))
        let config = try ConfigFile.parse("orgs: &o [a, b]\nimports: [x/y]\n", path: "config.yml")
        #expect(config.orgs == ["a", "b"])
    }

    @Test("a theme file larger than 1 MiB, or a FIFO, is refused with one line instead of read whole or waited on")
    func themeFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migdash-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.yml")
        try Data(("roles: {}\n" + String(repeating: "# padding\n", count: 120_000)).utf8).write(to: big)
        let outcome = Result(catching: { try ThemeLoader.load(big.path, environment: [:]) })
        guard case .failure(let error) = outcome else {
            Issue.record("a 1.2 MB theme was read")
            return
        }
        #expect("\(error)".contains("larger than 1 MiB"), "\(error)")
        let fifo = folder.appendingPathComponent("fifo.yml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let started = ContinuousClock.now
        #expect(throws: ThemeError.self) { try ThemeLoader.load(fifo.path, environment: [:]) }
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test("a configuration file that is a FIFO is refused at once")
    func configFIFO() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migdash-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("config.yml")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // Old code would block in open(2) until a writer came: give it one after a while, so the test ends.
        let unblock = Thread {
            Thread.sleep(forTimeInterval: 3)
            let writer = open(fifo.path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        unblock.start()
        let started = ContinuousClock.now
        let outcome = Result(catching: { try ConfigFile.load(path: fifo.path, required: true) })
        #expect(ContinuousClock.now - started < .seconds(2), "waited on a FIFO")
        guard case .failure(let error) = outcome else {
            Issue.record("a FIFO was read as a configuration")
            return
        }
        #expect("\(error)".contains("not a regular file"), "\(error)")
    }

    @Test("gh's hosts.yml past 1 MiB, or an alias bomb, gives no token rather than being read whole")
    func hostsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migdash-gh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hosts = folder.appendingPathComponent("hosts.yml")
        let environment = ["GH_CONFIG_DIR": folder.path]
        let entry = "github.com:\n  oauth_token: gho_fromfile\n"
        try Data(entry.utf8).write(to: hosts)
        #expect(TokenResolver.hostsFileToken(host: "github.com", environment: environment) == "gho_fromfile")
        try Data((entry + String(repeating: "# padding\n", count: 120_000)).utf8).write(to: hosts)
        #expect(TokenResolver.hostsFileToken(host: "github.com", environment: environment) == nil)
        try Data((entry + Self.bomb).utf8).write(to: hosts)
        let started = ContinuousClock.now
        #expect(TokenResolver.hostsFileToken(host: "github.com", environment: environment) == nil)
        #expect(ContinuousClock.now - started < .seconds(2))
    }
}
