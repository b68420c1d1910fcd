import Foundation
import TestSupport

/// Tar archives written by tools no one here wrote (GNU tar, Python's tarfile, git), and Python's
/// reading of them: the second implementation our tar reader is compared with.
enum IndependentTars {
    /// One archive and who wrote it.
    struct Sample: Sendable {
        /// The writer and format, for messages.
        var label: String
        /// The tar bytes.
        var tar: Data
        /// True when the archive holds the migration-shaped tree (schema, records, a repository).
        var isMigrationTree: Bool
    }

    /// One member as Python's tarfile reads it.
    struct Member: Decodable, Equatable, Sendable, CustomStringConvertible {
        var name: String
        var type: String
        var size: Int64
        var linkname: String

        var description: String { "\(type) \(name) \(size)\(linkname.isEmpty ? "" : " -> \(linkname)")" }
    }

    /// The script with the Python side of these tests.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Scripts/tar_samples.py").path

    /// Every sample: each writer in each of its formats, over the same trees.
    static func all() async throws -> [Sample] {
        let work = try TemporaryDirectory(prefix: "migdash-tar")
        let base = work.path + "/base"
        let extended = work.path + "/extended"
        let sparse = work.path + "/sparse"
        try await python(["tree", base])
        try await python(["tree", extended, "--extras"])
        try await python(["sparse", sparse])
        var samples: [Sample] = []
        func add(_ label: String, migration: Bool = true, _ write: (String) async throws -> Void) async throws {
            let out = "\(work.path)/\(samples.count).tar"
            try await write(out)
            samples.append(
                Sample(label: label, tar: try Data(contentsOf: URL(fileURLWithPath: out)), isMigrationTree: migration))
        }
        for (format, tree) in [("ustar", base), ("gnu", base), ("pax", base), ("gnu", extended), ("pax", extended)] {
            try await add("Python tarfile \(format) of \(tree)") { try await python(["write", format, tree, $0]) }
        }
        for (format, tree) in [("ustar", base), ("gnu", base), ("posix", base), ("gnu", extended), ("posix", extended)]
        {
            try await add("GNU tar --format=\(format) of \(tree)") {
                try await run("tar", ["-C", tree, "--sort=name", "--format=\(format)", "-cf", $0, "."])
            }
        }
        try await add("GNU tar --format=v7") {
            let names = [
                "schema.json", "issues_000001.json", "users_000001.json", "repositories/octo-org/hello-world.git/HEAD",
            ]
            try await run("tar", ["-C", base, "--format=v7", "-cf", $0] + names)
        }
        for (format, version) in [("gnu", nil), ("posix", "1.0"), ("posix", "0.1"), ("posix", "0.0")] {
            try await add("GNU tar --sparse --format=\(format) \(version ?? "")", migration: false) {
                let sparseVersion = version.map { ["--sparse-version=\($0)"] } ?? []
                try await run(
                    "tar", ["-C", sparse, "--sparse", "--format=\(format)"] + sparseVersion + ["-cf", $0, "."])
            }
        }
        try await add("git archive") { try await gitArchive(work.path + "/repository", output: $0) }
        return samples
    }

    /// Python's listing of a tar.
    static func listing(_ tar: Data) async throws -> [Member] {
        let output = try await python(["list"], tar)
        return try JSONDecoder().decode([Member].self, from: Data(output.utf8))
    }

    /// What the script prints for `arguments` followed by the path of a file holding `tar`.
    static func python(_ arguments: [String], _ tar: Data) async throws -> String {
        let work = try TemporaryDirectory(prefix: "migdash-tar-read")
        let file = work.path + "/archive.tar"
        try tar.write(to: URL(fileURLWithPath: file))
        return try await python(arguments + [file])
    }

    /// The archives of `special`: 9 GiB announced by base-256 and by pax, and names with escapes.
    static func special() async throws -> (gnu: Data, pax: Data, evil: Data, bomb: Data, paxBomb: Data) {
        let work = try TemporaryDirectory(prefix: "migdash-tar-special")
        let out = work.path + "/special"
        try await python(["special", out])
        let read = { (suffix: String) in try Data(contentsOf: URL(fileURLWithPath: "\(out).\(suffix)")) }
        return (try read("gnu"), try read("pax"), try read("evil"), try read("bomb"), try read("paxbomb"))
    }

    /// A git repository of the migration-shaped tree (git keeps files and symbolic links only), archived by
    /// `git archive`, which writes a pax global header with the commit id.
    private static func gitArchive(_ repository: String, output: String) async throws {
        try await python(["tree", repository, "--extras"])
        try FileManager.default.removeItem(atPath: repository + "/repositories/octo-org/hello-world.git/a-fifo")
        let git = ["-C", repository, "-c", "user.name=migdash tests", "-c", "user.email=tests@example.invalid"]
        try await run("git", ["init", "-q", repository])
        try await run("git", git + ["add", "-A"])
        try await run("git", git + ["commit", "-qm", "sample"])
        try await run("git", git + ["archive", "--format=tar", "-o", output, "HEAD"])
    }

    @discardableResult
    private static func python(_ arguments: [String]) async throws -> String {
        try await run("python3", [script] + arguments)
    }

    /// Runs a program found on `PATH`; fails with its standard error unless it exits 0.
    @discardableResult
    private static func run(_ program: String, _ arguments: [String]) async throws -> String {
        let outcome = try await ProcessRunner.run(try ProcessRunner.locate(program), arguments)
        guard outcome.status == 0 else {
            throw SampleError(message: "\(program) \(arguments.joined(separator: " ")): \(outcome.errorOutput)")
        }
        return outcome.output
    }

    struct SampleError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
