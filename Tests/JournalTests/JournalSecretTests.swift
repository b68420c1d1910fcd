import DashboardCore
import Foundation
import GitHubMigrations
import Journal
import Testing

@Suite("Nothing secret reaches the journal's files")
struct JournalSecretTests {
    typealias F = JournalFixture

    @Test("No token and no source-import password in the file, its -wal or its -shm, byte for byte")
    func noSecretsOnDisk() throws {
        let fixture = try F()
        let token = "ghp_journalTestToken0123456789abcdefXYZ"
        let password = "import-Password-7f3a91"
        let urlPassword = "url-Password-5c2e08"
        let journal = try fixture.open()
        // What the client reports for an import started with a password and a token in its body.
        let body = try JSONSerialization.data(withJSONObject: [
            "vcs": "subversion", "vcs_url": "https://svn.example.com/repo", "vcs_username": "svn-user",
            "vcs_password": password, "nested": ["access_token": token],
        ])
        try journal.record(
            MutationRecord(
                at: F.at(1), method: "PUT", path: "/repos/octo-org/website/import",
                body: MutationRecord.summary(of: body), status: 201, requestID: "REQ-SECRET-TEST", failure: nil),
            host: "github.com", login: "octocat")
        // An import whose URL carries a password, as GitHub may echo it back.
        try journal.record(
            [
                .importChanged(
                    RepositoryName(owner: "octo-org", name: "website"), from: nil,
                    try F.sourceImport("importing", password: urlPassword), at: F.at(2))
            ], host: "github.com", login: "octocat")

        // Read the bytes while the journal is still open, so that the WAL holds the writes.
        let files = ["", "-wal", "-shm"].map { fixture.url.path + $0 }.filter {
            FileManager.default.fileExists(atPath: $0)
        }
        let bytes = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }.reduce(Data(), +)
        #expect(files.count >= 2)
        // The scan can find what it looks for: the request id and the username were written.
        #expect(bytes.range(of: Data("REQ-SECRET-TEST".utf8)) != nil)
        #expect(bytes.range(of: Data("svn-user".utf8)) != nil)
        for secret in [token, password, urlPassword] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is on disk")
        }
        #expect(try journal.log(since: nil, migration: nil).count == 2)
    }
}
