import CNcursesw
import TerminalUI

extension CursesScreen {
    /// Every key waiting now, without blocking; `.resize` when the terminal changed size.
    ///
    /// Drains ncurses completely: bytes it has already taken from the descriptor would not wake
    /// the runtime's `poll` again. A lone Esc costs the 25 ms ncurses waits for a sequence.
    /// A resize, noted by the SIGWINCH handler `start` installed, comes last, after `resizeterm`.
    public func readKeys() -> [Key] {
        guard isOpen else { return [] }
        var keys: [Key] = []
        var code: wint_t = 0
        while true {
            let status = wget_wch(window, &code)
            if status == ERR { break }
            if let key = CursesKeyDecoder.key(code: UInt32(code), isFunctionKey: status == KEY_CODE_YES) {
                keys.append(key)
            }
        }
        // After the last wget_wch: it would repaint the window resizeterm touched, outside a frame.
        if resizeNoted() {
            followTerminalSize()
            keys.append(.resize)
        }
        return keys
    }
}
