import Testing

@testable import TerminalUI

@Suite("Display widths, the cell grid, keys and colours")
struct TerminalUITests {
    @Test("ASCII is one column, CJK and emoji two, combining marks none")
    func widths() {
        #expect(DisplayWidth.of("octo-org") == 8)
        #expect(DisplayWidth.of("漢字テスト") == 10)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("\u{7}") == 0)
        #expect(DisplayWidth.of("✓ saved") == 7)
    }

    @Test("truncation ends in an ellipsis and never splits a wide character")
    func truncation() {
        #expect(DisplayWidth.truncate("octo-org/website", to: 10) == "octo-org/…")
        #expect(DisplayWidth.truncate("漢字テスト", to: 6) == "漢字…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.pad("7", to: 3, alignRight: true) == "  7")
        #expect(DisplayWidth.pad("漢字", to: 5) == "漢字 ")
    }

    @Test("the grid clips at its edges and keeps wide characters whole")
    func grid() {
        var grid = CellGrid(size: Size(width: 6, height: 2))
        #expect(grid.put("abcdefgh", x: 0, y: 0, role: "r") == 6)
        #expect(grid.row(0) == "abcdef")
        #expect(grid.put("漢字テ", x: 1, y: 1, role: "w") == 4)
        #expect(grid.row(1) == " 漢字 ")
        #expect(grid[2, 1].width == 0)
        #expect(grid.put("x", x: 2, y: 1, role: "r") == 1)
        #expect(grid.row(1) == "  x字 ", "overwriting half a wide character blanks its other half")
        #expect(grid.put("off", x: 0, y: 5, role: "r") == 0)
    }

    @Test("role maps give one letter per cell")
    func roleMap() {
        var grid = CellGrid(size: Size(width: 4, height: 1))
        grid.put("ab", x: 1, y: 0, role: "x")
        #expect(grid.roleMap { $0 == "x" ? "X" : "." } == ".XX.")
    }

    @Test("key names parse both ways")
    func keys() {
        for name in ["q", "G", "?", "Enter", "Esc", "Tab", "Shift-Tab", "Up", "PgDn", "Ctrl-C", "F5", "Space"] {
            let key = Key(name: name)
            #expect(key != nil, "\(name) does not parse")
            #expect(key.map { Key(name: $0.description) } == key)
        }
        #expect(Key(name: "Ctrl-C") == .control("c"))
        #expect(Key(name: "nonsense") == nil)
    }

    @Test("colours degrade to what the terminal has")
    func colours() {
        #expect(Color(name: "bright-red")?.degraded(toColors: 8) == .ansi(1))
        #expect(Color(name: "bright-black")?.degraded(toColors: 8) == .default)
        #expect(Color(name: "236")?.degraded(toColors: 256) == .indexed(236))
        #expect(Color(name: "236")?.degraded(toColors: 8) == .ansi(0))
        #expect(Color(name: "196")?.degraded(toColors: 16) == .ansi(9))
        #expect(Color(name: "mauve") == nil)
    }
}
