import TerminalUI
import Testing

@testable import CursesTerminal

@Suite("Planning the drawing calls of a row")
struct RowPlanTests {
    /// The plan of a row as readable strings: `run@column[slot]:text` or `cell@column[slot]:text`.
    private func describe(_ cells: [Cell], slots: [Role: Int] = [:]) -> [String] {
        var plan = RowPlan()
        plan.plan(cells[...]) { slots[$0] ?? 0 }
        return plan.steps.map { step in
            let scalars = plan.characters[step.start..<step.start + step.count]
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars.compactMap(Unicode.Scalar.init))
            #expect(plan.characters[step.start + step.count] == 0, "each step ends in a zero")
            return "\(step.isGrapheme ? "cell" : "run")@\(step.column)[\(step.slot)]:\(text)"
        }
    }

    private func row(_ text: String, role: Role = .normal, width: Int? = nil) -> [Cell] {
        var grid = CellGrid(size: Size(width: width ?? DisplayWidth.of(text), height: 1))
        grid.put(text, x: 0, y: 0, role: role)
        return grid.cells
    }

    @Test("Text in one style, box drawing included, is one call")
    func oneRun() {
        #expect(describe(row("│ ok ─┐")) == ["run@0[0]:│ ok ─┐"])
    }

    @Test("A change of style starts a new call")
    func styleChange() {
        let cells = row("ab") + row("cd", role: "state.failed")
        #expect(describe(cells, slots: ["state.failed": 1]) == ["run@0[0]:ab", "run@2[1]:cd"])
    }

    @Test("A wide character is drawn on its own and its right half is skipped")
    func wideCharacter() {
        #expect(describe(row("a漢字b")) == ["run@0[0]:a", "cell@1[0]:漢", "cell@3[0]:字", "run@5[0]:b"])
    }

    @Test("A wide character cut by the right edge becomes a blank")
    func wideAtEdge() {
        let cells = [Cell("a"), Cell("漢", width: 2)]
        #expect(describe(cells) == ["run@0[0]:a "])
    }

    @Test("Combining marks stay with their base character")
    func combining() {
        #expect(describe([Cell("e\u{301}"), Cell("x")]) == ["cell@0[0]:e\u{301}", "run@1[0]:x"])
    }

    @Test("Control characters are drawn as blanks, never sent to the terminal")
    func controls() {
        #expect(describe([Cell("a"), Cell("\t"), Cell("\r\n"), Cell("\u{1B}"), Cell("b")]) == ["run@0[0]:a   b"])
    }

    @Test("A grapheme that starts with a combining mark is drawn as a blank")
    func loneCombining() {
        #expect(describe([Cell("\u{301}")]) == ["cell@0[0]: "])
    }

    @Test("A stray right half ends the run so the next text keeps its column")
    func strayRightHalf() {
        #expect(describe([Cell("a"), Cell(" ", width: 0), Cell("b")]) == ["run@0[0]:a", "run@2[0]:b"])
    }

    @Test("Each role is asked for once per run of cells in that role")
    func slotLookups() {
        var plan = RowPlan()
        var asked: [Role] = []
        let cells = row("ab") + row("cd", role: "x") + row("e")
        plan.plan(cells[...]) { role in
            asked.append(role)
            return 0
        }
        #expect(asked == [.normal, "x", .normal])
    }
}
