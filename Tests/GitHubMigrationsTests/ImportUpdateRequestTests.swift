import Foundation
import GitHubMigrations
import Testing

@Suite("The body of PATCH /import: the fields GitHub documents, and no password in any text")
struct ImportUpdateRequestTests {
    @Test("a project choice is sent back as GitHub's example sends it: vcs, tfvc_project and human_name")
    func projectChoiceBody() throws {
        let request = UpdateImportRequest(vcs: "tfvc", tfvcProject: "project1", humanName: "project1 (tfs)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(request), as: UTF8.self)
        #expect(json == #"{"human_name":"project1 (tfs)","tfvc_project":"project1","vcs":"tfvc"}"#)
    }

    @Test("a request with a password describes itself without it")
    func passwordRedacted() {
        let update = UpdateImportRequest(vcsUsername: "jdoe", vcsPassword: "hunter2")
        let start = StartImportRequest(vcsURL: "https://svn.example.com/x", vcsUsername: "jdoe", vcsPassword: "hunter2")
        for text in [String(describing: update), String(reflecting: update), String(describing: start), "\([start])"] {
            #expect(!text.contains("hunter2"))
            #expect(text.contains("jdoe") && text.contains("<redacted>"))
        }
    }

    @Test("the TFVC project of an import is read from GitHub's answer")
    func tfvcProjectDecoded() throws {
        let json = #"{"vcs": "tfvc", "tfvc_project": "vendor", "vcs_url": "https://x", "status": "auth_failed"}"#
        let progress = try JSONDecoder().decode(SourceImport.self, from: Data(json.utf8))
        #expect(progress.tfvcProject == "vendor")
    }
}
