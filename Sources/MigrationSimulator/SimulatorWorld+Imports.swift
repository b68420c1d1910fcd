import Foundation

extension SimulatorWorld {
    private static let authorNames = ["hubot", "mona", "jdoe", "asmith", "buildbot", "release-bot", "svc-deploy"]

    /// A new import whose authors, large files and commit count follow from the repository's name.
    mutating func newImport(
        owner: String, repository: String, url: String, vcs: String?, now: Date, duration: Double
    ) -> ImportRecord {
        let key = Self.importKey(owner: owner, repository: repository)
        var random = SeededRandom(seed: Int(truncatingIfNeeded: StableHash.fnv1a(Array(key.utf8))))
        let uuid = random.guid()
        let count = 3 + Int(random.next() % 3)
        var authors: [ImportAuthorRecord] = []
        for index in 0..<count {
            let name = Self.authorNames[(index + Int(random.next() % 7)) % Self.authorNames.count]
            let remote = "\(name)@\(uuid)"
            authors.append(
                ImportAuthorRecord(id: nextAuthorID, remoteID: remote, remoteName: name, email: remote, name: name))
            nextAuthorID += 1
        }
        var record = ImportRecord(
            owner: owner, repository: repository, vcsURL: url, vcs: vcs, tfvcProject: nil, startedAt: now,
            duration: duration, trouble: ImportRecord.trouble(for: url), authors: authors,
            largeFiles: Self.largeFiles(for: url, random: &random), totalCommits: 150 + Int(random.next() % 3_000))
        record.restart(at: now)
        return record
    }

    /// Large files for URLs that mention `large` or `svn` (where big binaries tend to live).
    private static func largeFiles(for url: String, random: inout SeededRandom) -> [LargeFileRecord] {
        let lowered = url.lowercased()
        guard lowered.contains("large") || lowered.contains("svn") else { return [] }
        let paths = ["assets/intro.mov", "vendor/sdk-installer.dmg", "data/fixtures.sqlite"]
        return paths.prefix(2 + Int(random.next() % 2)).map { path in
            LargeFileRecord(
                refName: "refs/heads/main", path: path, oid: random.hex(40),
                size: 104_857_600 + Int(random.next() % 400_000_000))
        }
    }
}
