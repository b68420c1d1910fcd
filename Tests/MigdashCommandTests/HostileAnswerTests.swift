import Foundation
import TestSupport
import Testing

@Suite("migdash download and inspect against a hostile server: every line reaches the terminal clean")
struct HostileAnswerTests {
    /// `download --org ORG ID --output DIR --api-url SERVER --token T`.
    private func download(_ id: Int, into folder: String, _ server: HostileServer) -> [String] {
        [
            "download", "--org", "octo-org", String(id), "--output", folder, "--api-url", server.apiURL, "--token-file",
            CommandRun.simulatorTokenFile,
        ]
    }

    /// The first character a terminal would act on rather than show, if any: C0 but newline, DEL, C1,
    /// a bidirectional override.
    static func unsafe(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            switch scalar.value {
            case 0x0A: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    @Test("server messages, states and storage error codes are printed with their control characters replaced")
    func escapesInAnswers() async throws {
        let server = try await HostileServer(scenario: "escapes-in-answers")
        defer { server.stop() }
        let folder = try TemporaryDirectory(prefix: "migdash-cli-escapes")
        let run = try CommandRun()
        // A state that is no state (1), a 403 (3), a storage that refuses (6).
        for (id, status) in [(7, 1), (8, 3), (9, 6)] as [(Int, Int32)] {
            let outcome = try await run.migdash(download(id, into: folder.path, server))
            #expect(outcome.status == status, "migration \(id): \(outcome.errorOutput)")
            let all = outcome.output + outcome.errorOutput
            #expect(Self.unsafe(all) == nil, "migration \(id) printed \(all.debugDescription)")
            #expect(all.hasSuffix("\n") && all.split(separator: "\n").count == 1, "\(all.debugDescription)")
        }
        let state = try await run.migdash(download(7, into: folder.path, server))
        #expect(state.errorOutput.contains("exporting"), "\(state.errorOutput)")
        let message = try await run.migdash(download(8, into: folder.path, server))
        #expect(message.errorOutput.contains("click"), "\(message.errorOutput)")
        let storage = try await run.migdash(download(9, into: folder.path, server))
        #expect(storage.errorOutput.contains("400"), "\(storage.errorOutput)")
    }

    @Test("tar entry names and the schema version of a downloaded archive reach download and inspect clean")
    func escapesInArchive() async throws {
        let server = try await HostileServer(scenario: "escapes-in-answers")
        defer { server.stop() }
        let folder = try TemporaryDirectory(prefix: "migdash-cli-escapes")
        let run = try CommandRun()
        let saved = try await run.migdash(download(10, into: folder.path, server))
        #expect(saved.status == 0, "\(saved.errorOutput)")
        #expect(Self.unsafe(saved.output + saved.errorOutput) == nil)
        let name = try #require(folder.files().first { $0.hasSuffix(".tar.gz") })
        for arguments in [["inspect", folder.path + "/" + name], ["inspect", "--json", folder.path + "/" + name]] {
            let inspected = try await run.migdash(arguments)
            #expect(inspected.status == 0, "\(inspected.errorOutput)")
            #expect(inspected.output.contains("site.git") || inspected.output.contains("site"))
            #expect(
                Self.unsafe(inspected.output + inspected.errorOutput) == nil,
                "\(arguments) printed \(inspected.output.debugDescription)")
        }
    }

    @Test("no command writes to standard output or error except through the filter")
    func oneWayOut() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/migdash").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(names.contains("Console.swift"))
        for name in names where name != "Console.swift" {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for writer in ["print(", "FileHandle.standardOutput", "FileHandle.standardError", "fputs(", "putchar("] {
                #expect(!text.contains(writer), "\(name) writes with \(writer) around the filter")
            }
        }
    }

    @Test("a file name given to inspect is printed clean too")
    func escapesInFileName() async throws {
        let folder = try TemporaryDirectory(prefix: "migdash-cli-escapes")
        let path = folder.path + "/evil\u{1B}]0;title\u{7}\u{202E}.tar.gz"
        try Data("not an archive".utf8).write(to: URL(fileURLWithPath: path))
        let outcome = try await CommandRun().migdash(["inspect", path])
        #expect(outcome.status == 1)
        #expect(
            Self.unsafe(outcome.output + outcome.errorOutput) == nil,
            "\((outcome.output + outcome.errorOutput).debugDescription)")
    }
}
