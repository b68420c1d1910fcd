import Foundation
import TerminalUI

/// A terminal in memory for in-process runs of the runtime: keys are queued by the test,
/// frames are kept instead of drawn, and a pipe makes queued keys wake the runtime's `poll`.
final class ScriptedTerminal: TerminalBackend {
    var size: Size
    let colorCount = 256
    private(set) var lastFrame: CellGrid?
    private(set) var presented = 0
    private(set) var bells = 0
    private var keys: [Key] = []
    private let readEnd: Int32
    private let writeEnd: Int32

    init(size: Size = Size(width: 120, height: 40)) {
        self.size = size
        var fds: [Int32] = [0, 0]
        _ = pipe(&fds)
        readEnd = fds[0]
        writeEnd = fds[1]
        _ = fcntl(readEnd, F_SETFL, O_NONBLOCK)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    var inputFileDescriptor: Int32 { readEnd }

    /// Queues key presses, as if typed.
    func press(_ pressed: Key...) {
        keys += pressed
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Changes the size and queues the resize key, as ncurses would.
    func resize(to newSize: Size) {
        size = newSize
        press(.resize)
    }

    func present(_ grid: CellGrid, style: (Role) -> Style) {
        lastFrame = grid
        presented += 1
    }

    func readKeys() -> [Key] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
        defer { keys.removeAll() }
        return keys
    }

    func bell() { bells += 1 }
    /// The controls (clipboard copies, notifications) the runtime sent, in order.
    private(set) var controls: [TerminalControl] = []
    func send(_ control: TerminalControl) { controls.append(control) }
    /// Times the runtime handed the terminal back to the shell (Ctrl-Z).
    private(set) var suspensions = 0
    func suspend() { suspensions += 1 }
    func invalidate() {}
    func shutdown() {}
}
