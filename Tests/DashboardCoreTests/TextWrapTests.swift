import DashboardCore
import TerminalUI
import Testing

@Suite("Text wrapped to a number of terminal columns")
struct TextWrapTests {
    @Test("words stay whole where they fit, and no line is wider than asked", arguments: [1, 2, 5, 9, 20, 80])
    func widths(width: Int) {
        let text = "GitHub rejected POST /orgs/octo-org/migrations: repositories are archived 日本語のリポジトリ名前 and more"
        let lines = TextWrap.lines(text, width: width)
        for line in lines where width >= 2 { #expect(DisplayWidth.of(line) <= width, "\(line)") }
        let joined = lines.joined().filter { $0 != " " }
        #expect(joined == text.filter { $0 != " " }, "nothing is lost or reordered")
        for word in text.split(separator: " ") where DisplayWidth.of(word) <= width {
            #expect(lines.contains { $0.split(separator: " ").contains(word) }, "\(word) was split")
        }
    }

    @Test("a wide character is never split and never ends a line past its width")
    func wide() {
        let lines = TextWrap.lines("ab日本語", width: 3)
        #expect(lines == ["ab", "日", "本", "語"])
    }

    @Test("a word longer than a line (a SHA-256) is broken where the line is full")
    func longWord() {
        let sha = String(repeating: "0123456789abcdef", count: 4)
        #expect(
            TextWrap.lines("sha " + sha, width: 30) == [
                "sha", String(sha.prefix(30)), String(sha.dropFirst(30).prefix(30)), String(sha.suffix(4)),
            ])
    }

    @Test("line breaks in the text are kept; an empty text is one empty line")
    func breaks() {
        #expect(TextWrap.lines("one\n\ntwo", width: 10) == ["one", "", "two"])
        #expect(TextWrap.lines("", width: 10) == [""])
        #expect(TextWrap.lines("anything", width: 0).isEmpty)
    }

    @Test("at most `limit` lines, the last one marked `…` when more would follow")
    func limit() {
        let text = (1...30).map { "word\($0)" }.joined(separator: " ")
        let lines = TextWrap.lines(text, width: 20, limit: 2)
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix("…"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(TextWrap.lines("short", width: 20, limit: 2) == ["short"])
    }

    @Test("spaces inside a line stay as written; those where a line breaks go")
    func spacing() {
        #expect(
            TextWrap.lines("1042 octo-org  pending → exporting", width: 80) == ["1042 octo-org  pending → exporting"])
        #expect(TextWrap.lines("  indented  twice", width: 10) == ["  indented", "twice"])
        #expect(TextWrap.lines("  indented  twice", width: 9) == ["indented", "twice"])
        #expect(TextWrap.lines("one    two", width: 5) == ["one", "two"])
    }
}
