import Testing

@testable import ArchiveInspection

@Suite("Counting records and classifying paths")
struct JSONRecordCounterTests {
    private func count(_ text: String, chunk: Int = 3) -> Int? {
        var counter = JSONRecordCounter()
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            bytes[start..<min(bytes.count, start + chunk)].withUnsafeBytes { counter.feed($0) }
        }
        return counter.count
    }

    @Test("top-level array elements are counted across chunk boundaries, strings and nesting ignored")
    func counts() {
        #expect(count("[]") == 0)
        #expect(count(" [ ] \n") == 0)
        #expect(count("[1]") == 1)
        #expect(count(#"[{"a": "],[{"}, {"b": [1, 2, {"c": ","}]}, "x\"]", null]"#) == 4)
        #expect(count("[\n  {\n    \"type\": \"issue\"\n  },\n  {\n    \"type\": \"issue\"\n  }\n]\n", chunk: 1) == 2)
    }

    @Test("anything but one complete array is unreadable")
    func unreadable() {
        #expect(count(#"{"a": 1}"#) == nil)
        #expect(count("[1, 2") == nil)
        #expect(count("[1] [2]") == nil)
        #expect(count("") == nil)
        #expect(count(#"["open string]"#) == nil)
    }

    @Test("paths are classified by GitHub's archive layout")
    func paths() {
        #expect(ArchivePath("schema.json") == .schema)
        #expect(ArchivePath("./issues_000001.json") == .records(kind: "issues"))
        #expect(
            ArchivePath("pull_request_review_comments_000012.json") == .records(kind: "pull_request_review_comments"))
        #expect(ArchivePath("repositories/octo-org/website.git/HEAD") == .repository("octo-org/website"))
        #expect(
            ArchivePath("repositories/octo-org/website.wiki.git/objects/pack/p.pack")
                == .repository("octo-org/website.wiki"))
        #expect(ArchivePath("attachments/9000001/screenshot.png") == .attachment)
        #expect(ArchivePath("audit_log.csv") == .other)
        #expect(ArchivePath("repositories/") == .other)
    }
}
