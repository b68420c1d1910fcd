import Foundation
import TestSupport

/// The shell examples of a document that are marked to be run: fenced blocks whose info string is
/// `sh test` (GitHub still shows them as `sh`), as docs/testing.md describes.
struct DocExamples {
    /// One marked block: where it starts, and its text.
    struct Block: Sendable {
        /// The line of the opening fence, counted from 1.
        var line: Int
        /// The commands, as a reader sees them.
        var code: String
    }

    /// The info string that marks a block to be run.
    static let marker = "sh test"

    /// The marked blocks of `text`, in order.
    static func blocks(in text: String) -> [Block] {
        var blocks: [Block] = []
        var open: Block?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var block = open {
                if trimmed == "```" {
                    blocks.append(block)
                    open = nil
                } else {
                    block.code += line + "\n"
                    open = block
                }
            } else if trimmed.hasPrefix("```") && trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces) == marker {
                open = Block(line: index + 1, code: "")
            }
        }
        return blocks
    }

    /// Runs `block` with `bash -e -o pipefail` in `folder`, with `migdash` on `PATH` as the built binary,
    /// the config file naming the simulator's API root and the simulator's token in the environment.
    static func run(_ block: Block, in folder: TemporaryDirectory, simulator: SimulatorProcess) async throws
        -> ProcessRunner.Outcome
    {
        let config = folder.path + "/.config"
        try FileManager.default.createDirectory(atPath: config + "/migdash", withIntermediateDirectories: true)
        try Data("api_url: \(simulator.apiURL)\n".utf8).write(to: URL(fileURLWithPath: config + "/migdash/config.yml"))
        let binaries = URL(fileURLWithPath: try MigdashBinary.path).deletingLastPathComponent().path
        let environment = [
            "HOME": folder.path, "XDG_CONFIG_HOME": config, "GH_CONFIG_DIR": folder.path + "/.config/gh",
            "PATH": binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "GH_ENTERPRISE_TOKEN": SimulatorProcess.defaultToken, "SWIFT_BACKTRACE": "interactive=no",
            "LC_ALL": "C.UTF-8",
        ]
        let script = "cd \"$HOME\"\n" + block.code
        return try await ProcessRunner.run(
            "/bin/bash", ["-e", "-o", "pipefail", "-c", script], environment: environment)
    }
}
