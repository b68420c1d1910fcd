import Foundation
import TestSupport
import Testing

@Suite("The documents' examples marked `sh test` run against migdash simulate and end with 0")
struct DocExampleTests {
    /// Runs every marked block of `document`, in order, against one simulator; each must end with 0
    /// and print nothing on standard error. At least `minimum` must be found, so a marker misspelt
    /// everywhere fails instead of running nothing.
    private func runExamples(of document: String, minimum: Int) async throws {
        let text = try String(
            contentsOf: MigdashBinary.packageRoot.appendingPathComponent(document), encoding: .utf8)
        let blocks = DocExamples.blocks(in: text)
        #expect(blocks.count >= minimum, "\(document) has \(blocks.count) examples marked \(DocExamples.marker)")
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "3"], timeout: .seconds(60))
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-doc-examples")
        for block in blocks {
            let outcome = try await DocExamples.run(block, in: folder, simulator: simulator)
            let place = "\(document):\(block.line)"
            #expect(outcome.status == 0, "\(place) ended with \(outcome.status): \(outcome.errorOutput)")
            #expect(outcome.errorOutput.isEmpty, "\(place) printed on standard error: \(outcome.errorOutput)")
        }
    }

    @Test("docs/cli.md: every marked example, in order")
    func cli() async throws {
        try await runExamples(of: "docs/cli.md", minimum: 8)
    }

    @Test("only blocks whose info string is `sh test` are taken, with their line and text")
    func marker() {
        let text = """
            intro
            ```sh
            not run
            ```
            ```sh test
            migdash list
            migdash show --user 1
            ```
            ```sh testing
            not run either
            ```
            """
        let blocks = DocExamples.blocks(in: text)
        #expect(blocks.map(\.line) == [5])
        #expect(blocks.map(\.code) == ["migdash list\nmigdash show --user 1\n"])
    }
}
