import Foundation
import TestSupport
import Testing

@Suite("migdash download and migdash inspect, run as a process against migdash simulate")
struct DownloadCommandTests {
    /// `download --org octo-org ID --output DIR --api-url SIM --token-file FILE`.
    private func download(_ id: Int, into folder: TemporaryDirectory, _ simulator: SimulatorProcess) -> [String] {
        [
            "download", "--org", "octo-org", String(id), "--output", folder.path, "--api-url", simulator.apiURL,
            "--token-file", CommandRun.simulatorTokenFile,
        ]
    }

    @Test("exit 0 with the verified archive in place, plain progress lines when piped, and no clobbering on a rerun")
    func downloadTwice() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-cli-download")
        let run = try CommandRun()
        let first = try await run.migdash(download(240_498, into: folder, simulator))
        #expect(first.status == 0, "\(first.errorOutput)")
        let lines = first.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("downloading ") && $0.hasSuffix("of 3.0 MiB)") })
        #expect(lines.contains { $0.hasPrefix("verifying ") })
        #expect(!first.output.contains("\r"), "no bar redraws in a pipe")
        let archive = try #require(folder.files().first { $0.hasSuffix(".tar.gz") })
        #expect(lines.last?.hasPrefix("saved \(folder.path)/\(archive) (3.0 MiB, sha256 ") == true)
        #expect(folder.files() == ["migdash-manifest.json", archive])
        let path = folder.path + "/" + archive
        let before = try FileManager.default.attributesOfItem(atPath: path)
        let second = try await run.migdash(download(240_498, into: folder, simulator))
        #expect(second.status == 0)
        #expect(second.output.hasPrefix("already there: \(path)"))
        let after = try FileManager.default.attributesOfItem(atPath: path)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
    }

    @Test("cut connections, one-use URLs and a 200 for a Range on the way still end in exit 0 and the same bytes")
    func resumes() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--one-use-archive-urls"])
        defer { simulator.terminate() }
        let clean = try TemporaryDirectory(prefix: "migdash-cli-clean")
        let bumpy = try TemporaryDirectory(prefix: "migdash-cli-bumpy")
        let run = try CommandRun()
        #expect(try await run.migdash(download(240_498, into: clean, simulator)).status == 0)
        for cut in [400_000, 900_000] {
            try await simulator.inject(fault: #"{"kind":"dropMidBody","listener":"storage","afterBytes":\#(cut)}"#)
        }
        try await simulator.inject(fault: #"{"kind":"ignoreRange"}"#)
        let outcome = try await run.migdash(download(240_498, into: bumpy, simulator))
        #expect(outcome.status == 0, "\(outcome.errorOutput)")
        let name = try #require(clean.files().first { $0.hasSuffix(".tar.gz") })
        let cleanBytes = try Data(contentsOf: URL(fileURLWithPath: clean.path + "/" + name))
        #expect(try Data(contentsOf: URL(fileURLWithPath: bumpy.path + "/" + name)) == cleanBytes)
        let log = try await simulator.api("GET", "/_simulator/requests")
        let storage = try JSONDecoder().decode([StorageRequest].self, from: log.body).filter {
            $0.listener == "storage"
        }
        #expect(storage.count >= 4)
        let withoutCredentials = storage.allSatisfy {
            $0.headers["authorization"] == nil && $0.headers["x-github-api-version"] == nil
        }
        #expect(withoutCredentials)
    }

    @Test("failures exit with their status and one line: not exported 1, no token 2, a bad token 3, bad arguments")
    func failures() async throws {
        let simulator = try await SimulatorProcess(arguments: ["--export-seconds", "600"])
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-cli-fail")
        let run = try CommandRun()
        let pending = try await run.migdash(download(240_507, into: folder, simulator))
        #expect(pending.status == 1)
        // Pending or exporting by the time it asks (the simulator's clock runs): either way one line, no archive.
        let notReady = ["pending", "exporting"].map {
            "migdash: migration 240507 of octo-org is still \($0); its archive is not ready yet.\n"
        }
        #expect(notReady.contains(pending.errorOutput), "\(pending.errorOutput)")
        #expect(folder.files().isEmpty)
        let anonymous = try await run.migdash(["download", "--user", "240502", "--api-url", simulator.apiURL])
        #expect(anonymous.status == 2)
        #expect(
            anonymous.errorOutput.hasPrefix("migdash: no GitHub token")
                && anonymous.errorOutput.filter { $0 == "\n" }.count == 1)
        var badToken = download(240_498, into: folder, simulator)
        badToken[badToken.count - 1] = try run.file("bad-token", "not-the-token\n")
        let refused = try await run.migdash(badToken)
        #expect(refused.status == 3)
        #expect(refused.errorOutput.hasPrefix("migdash: GitHub did not accept the token"))
        #expect(!refused.errorOutput.contains("not-the-token"))
        let both = try await run.migdash(["download", "--org", "octo-org", "--user", "1"])
        #expect(both.status != 0 && both.errorOutput.contains("exactly one of --org ORG or --user"))
    }

    @Test(
        "inspect prints the contents and exits 0 for a sound archive, 1 with the verdict for a truncated one, 4 for none"
    )
    func inspect() async throws {
        let simulator = try await SimulatorProcess()
        defer { simulator.terminate() }
        let folder = try TemporaryDirectory(prefix: "migdash-cli-inspect")
        let run = try CommandRun()
        #expect(try await run.migdash(download(240_498, into: folder, simulator)).status == 0)
        let name = try #require(folder.files().first { $0.hasSuffix(".tar.gz") })
        let sound = try await run.migdash(["inspect", folder.path + "/" + name])
        #expect(sound.status == 0)
        for expected in ["verdict", "intact", "version 1.0.1", "octo-org/api-server", "manifest", "matches"] {
            #expect(sound.output.contains(expected), "missing \(expected)")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + name))
        let cut = folder.path + "/cut.tar.gz"
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cut))
        let truncated = try await run.migdash(["inspect", cut])
        #expect(truncated.status == 1)
        #expect(truncated.output.contains("truncated: the gzip stream ends early"))
        let missing = try await run.migdash(["inspect", folder.path + "/nothing.tar.gz"])
        #expect(missing.status == 4 && missing.errorOutput.hasPrefix("migdash: Cannot open"))
    }
}

/// The part of a simulator log entry these tests read: which listener, and the headers it got.
struct StorageRequest: Decodable {
    var listener: String
    var headers: [String: String]
}
