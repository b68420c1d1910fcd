import Foundation

/// The metadata files of an archive: issues, pull requests, comments, milestones, releases, attachments.
struct ArchiveMetadata {
    private static let titles = [
        "Crash when the config file is empty", "Add dark mode", "Document the release process",
        "Flaky test in the upload suite", "Support proxies with authentication", "Speed up cold start",
        "Typo in the README", "Retry failed webhooks",
    ]

    private let record: MigrationRecord
    private let user: JSONValue
    private var issues: [JSONValue] = []
    private var pulls: [JSONValue] = []
    private var comments: [JSONValue] = []
    private var milestones: [JSONValue] = []
    private var releases: [JSONValue] = []
    private var attachments: [(entry: JSONValue, directory: String, path: String, bytes: [UInt8])] = []

    /// Empty metadata for `record`, authored by `viewer`.
    init(record: MigrationRecord, viewer: AccountRecord) {
        self.record = record
        self.user = .string("\(ArchiveBuilder.web)/\(viewer.login)")
    }

    /// Adds a repository's issues, pull requests, comments, milestone, release and attachment.
    mutating func add(_ repository: RepositoryRecord, random: inout SeededRandom) {
        let url = "\(ArchiveBuilder.web)/\(repository.fullName)"
        let base: [String: JSONValue] = ["repository": .string(url), "user": user]
        milestones.append(
            .object(
                base.merging([
                    "type": "milestone", "url": .string("\(url)/milestones/1"), "title": "v1.0", "state": "open",
                    "description": "First stable release", "due_on": .null, "created_at": date(hours: 1),
                ]) { $1 }))
        let issueCount = 3 + Int(random.next() % 4)
        for number in 1...issueCount { addIssue(base, url: url, number: number, random: &random) }
        for number in (issueCount + 1)...(issueCount + 2 + Int(random.next() % 2)) {
            addPullRequest(base, url: url, number: number, random: &random)
        }
        if !record.flags.excludeReleases { addRelease(base, url: url) }
        if !record.flags.excludeAttachments { addAttachment(base, url: url, random: &random) }
    }

    /// Writes the JSON files (and attachment files) into the tar.
    func write(to writer: inout TarWriter) {
        writer.addFile("issues_000001.json", ArchiveBuilder.json(.array(issues)))
        writer.addFile("pull_requests_000001.json", ArchiveBuilder.json(.array(pulls)))
        writer.addFile("issue_comments_000001.json", ArchiveBuilder.json(.array(comments)))
        writer.addFile("milestones_000001.json", ArchiveBuilder.json(.array(milestones)))
        if !record.flags.excludeReleases {
            writer.addFile("releases_000001.json", ArchiveBuilder.json(.array(releases)))
        }
        guard !record.flags.excludeAttachments else { return }
        writer.addFile("attachments_000001.json", ArchiveBuilder.json(.array(attachments.map(\.entry))))
        writer.addDirectory("attachments")
        for attachment in attachments {
            writer.addDirectory(attachment.directory)
            writer.addFile(attachment.path, attachment.bytes)
        }
    }

    private func date(hours: Int) -> JSONValue {
        ArchiveBuilder.date(record, hours: hours)
    }

    private func title(_ random: inout SeededRandom) -> JSONValue {
        .string(Self.titles[Int(random.next() % UInt64(Self.titles.count))])
    }

    private mutating func addIssue(_ base: [String: JSONValue], url: String, number: Int, random: inout SeededRandom) {
        let issueURL = "\(url)/issues/\(number)"
        let closed = random.next() % 3 == 0
        issues.append(
            .object(
                base.merging([
                    "type": "issue", "url": .string(issueURL), "title": title(&random),
                    "body": "Steps to reproduce are in the first comment.", "assignee": .null,
                    "milestone": number == 1 ? .string("\(url)/milestones/1") : .null, "labels": [],
                    "state": closed ? "closed" : "open", "closed_at": closed ? date(hours: 40 + number) : .null,
                    "created_at": date(hours: 2 + number),
                ]) { $1 }))
        for reply in 0..<Int(random.next() % 3) {
            comments.append([
                "type": "issue_comment",
                "url": .string("\(issueURL)#issuecomment-\(record.id * 100 + number * 3 + reply)"),
                "issue": .string(issueURL), "user": user, "formatter": "markdown",
                "body": "I can reproduce this on main.", "created_at": date(hours: 20 + reply),
            ])
        }
    }

    private mutating func addPullRequest(
        _ base: [String: JSONValue], url: String, number: Int, random: inout SeededRandom
    ) {
        let user = self.user
        let branch: (String, String) -> JSONValue = { ref, sha in
            ["ref": .string(ref), "sha": .string(sha), "user": user, "repo": .string(url)]
        }
        let merged = random.next() % 2 == 0
        pulls.append(
            .object(
                base.merging([
                    "type": "pull_request", "url": .string("\(url)/pull/\(number)"), "title": title(&random),
                    "body": "Fixes the issue described above.", "assignee": .null, "milestone": .null,
                    "labels": [], "base": branch("main", random.hex(40)),
                    "head": branch("topic-\(number)", random.hex(40)),
                    "merged_at": merged ? date(hours: 60 + number) : .null,
                    "closed_at": merged ? date(hours: 60 + number) : .null, "created_at": date(hours: 30 + number),
                ]) { $1 }))
    }

    private mutating func addRelease(_ base: [String: JSONValue], url: String) {
        releases.append(
            .object(
                base.merging([
                    "type": "release", "url": .string("\(url)/releases/tag/v1.0.0"), "name": "v1.0.0",
                    "tag_name": "v1.0.0", "body": "The first stable release.", "state": "published",
                    "pending_tag": "v1.0.0", "prerelease": false, "target_commitish": "main",
                    "release_assets": [], "published_at": date(hours: 70), "created_at": date(hours: 70),
                ]) { $1 }))
    }

    private mutating func addAttachment(_ base: [String: JSONValue], url: String, random: inout SeededRandom) {
        let id = 9_000_000 + record.id % 1_000_000 * 10 + attachments.count
        let directory = "attachments/\(id)"
        let path = "\(directory)/screenshot.png"
        let entry: JSONValue = .object(
            base.merging([
                "type": "attachment", "url": .string("\(url)/files/\(id)/screenshot.png"),
                "issue": .string("\(url)/issues/1"), "asset_name": "screenshot.png",
                "asset_content_type": "image/png", "asset_url": .string("tarball://root/\(path)"),
                "created_at": date(hours: 5),
            ]) { $1 })
        // A PNG signature first, so the attachment at least looks like an image.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let bytes = png + ArchiveBuilder.filler(1_024 + Int(random.next() % 2_048), &random)
        attachments.append((entry, directory, path, bytes))
    }
}
