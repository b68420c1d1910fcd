import Foundation
import TestSupport
import Testing

@Suite("Shell completions")
struct CompletionTests {
    @Test(
        "bash, zsh and fish scripts name every command, and bash accepts its script",
        arguments: ["bash", "zsh", "fish"])
    func scripts(shell: String) async throws {
        let run = try CommandRun()
        let outcome = try await run.migdash(["--generate-completion-script", shell])
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        for command in ["list", "show", "start", "wait", "unlock", "delete-archive", "download", "inspect"] {
            #expect(outcome.output.contains(command), "\(shell) completes \(command)")
        }
        if shell == "bash" {
            let script = try run.file("migdash.bash", outcome.output)
            let check = try await ProcessRunner.run("/bin/bash", ["-n", script], environment: run.environment)
            #expect(check.status == 0, "\(check.errorOutput)")
        }
    }
}
