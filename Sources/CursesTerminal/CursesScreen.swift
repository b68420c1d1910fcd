import CNcursesw
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal on ncurses: presents cell grids, decodes keys, and restores the terminal on shutdown.
///
/// Every frame leaves in one `write` to the terminal (`FrameCapture`): the first paint with the set-up
/// before it, a changed row, a repaint, a bell with the frame it rings in, a clipboard copy or notification
/// after the frame it came with, the restore on quit or Ctrl-Z.
///
/// Not `Sendable` on purpose: curses is global state, so every call must come from the one thread
/// that runs the dashboard's loop. `start` installs a SIGWINCH handler of its own before ncurses
/// starts (resizes arrive as `.resize` from `readKeys`; ncurses' handler would lose a resize that
/// lands while a frame is collected) and lets ncurses install, for signals still at their default,
/// handlers for SIGINT, SIGTERM and SIGTSTP that end curses and exit: a runtime that wants to handle
/// those signals itself takes them over (before or after `start`).
public final class CursesScreen: TerminalBackend {
    /// The terminal name ncurses was started with, such as `xterm-256color`.
    public let terminalName: String
    /// How many colours the terminal shows (0 when it has none).
    public let colorCount: Int
    /// Standard input, which becomes readable when a key is waiting.
    public var inputFileDescriptor: Int32 { STDIN_FILENO }

    /// The ncurses screen (`SCREEN*`), freed by `shutdown`.
    let screen: OpaquePointer
    /// The screen's own full-size window, which `resizeterm` resizes.
    let window: UnsafeMutablePointer<WINDOW>
    /// Collects each frame's output for one write; nil where the system cannot (ncurses then writes itself).
    let frames: FrameCapture?
    /// Set by `suspend`: the next frame turns the keypad's application mode back on, which endwin turned off.
    var resuming = false
    /// False after `shutdown`: from then on no call may reach ncurses.
    var isOpen = true
    /// Set by `invalidate`: the next `present` repaints the whole screen.
    var repaintPending = false
    /// The colour pairs handed out so far.
    var pairs: ColorPairs
    /// Control bytes (clipboard, notifications) waiting to leave after the next frame.
    var heldControls: [UInt8] = []
    /// Resolved styles, kept across frames because a pair, once defined, never changes.
    var drawingCache: [Style: CellDrawing] = [:]
    private var sizeAtShutdown = Size(width: 0, height: 0)

    private init(
        screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, frames: FrameCapture?, terminalName: String
    ) {
        self.screen = screen
        self.window = window
        self.frames = frames
        self.terminalName = terminalName
        var hasDefaultColors = false
        if has_colors() {
            start_color()
            hasDefaultColors = use_default_colors() == OK
        }
        colorCount = has_colors() ? Int(migdash_colors()) : 0
        pairs = ColorPairs(
            colorCount: colorCount, pairCount: has_colors() ? Int(migdash_color_pairs()) : 0,
            hasDefaultColors: hasDefaultColors)
    }

    deinit {
        shutdown()
    }

    /// Starts ncurses on standard input and output; throws a `TerminalStartError` with a clear
    /// message when they are not a terminal or ncurses does not know the terminal.
    public static func start(termName: String? = nil) throws -> CursesScreen {
        guard isatty(STDIN_FILENO) == 1 else { throw TerminalStartError(kind: .inputNotATerminal) }
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalStartError(kind: .outputNotATerminal) }
        let name = termName ?? getenv("TERM").map { String(cString: $0) } ?? ""
        guard !name.isEmpty else { throw TerminalStartError(kind: .terminalNotSet) }
        UTF8Locale.configure()
        // The shell's modes, before curses changes them: a fatal signal puts them back.
        migdash_save_shell_modes(STDOUT_FILENO)
        // Before newterm, so that ncurses installs no SIGWINCH handler of its own.
        _ = migdash_watch_resizes()
        let frames = FrameCapture(terminal: STDOUT_FILENO)
        // newterm, unlike initscr, returns nil for an unknown terminal instead of printing and exiting.
        guard let screen = newterm(name, frames?.stream ?? migdash_stdout(), migdash_stdin()) else {
            frames?.release()
            migdash_unwatch_resizes()
            throw TerminalStartError(kind: .unknownTerminal, terminalName: name)
        }
        _ = set_term(screen)
        guard migdash_can_address_cursor() != 0, let window = migdash_stdscr() else {
            // newterm already changed the tty modes: restore them before giving up.
            endwin()
            delscreen(screen)
            frames?.release()
            migdash_unwatch_resizes()
            throw TerminalStartError(kind: .terminalTooLimited, terminalName: name)
        }
        let terminal = CursesScreen(screen: screen, window: window, frames: frames, terminalName: name)
        terminal.configureInput()
        installFatalRestore()
        return terminal
    }

    /// Whatever ends the process (a crash, a runtime trap, SIGQUIT, SIGUSR1, SIGALRM …), the shell gets
    /// its terminal back: its modes, the normal screen, the cursor, plain colours. The escape sequences
    /// are the terminal's own (terminfo `rmcup`, `cnorm`, `sgr0`), read now, as a handler cannot.
    private static func installFatalRestore() {
        let names: [String] = ["sgr0", "cnorm", "rmcup"]
        let leave = names.map { name in String(cString: migdash_capability(name)) }.joined()
        migdash_install_fatal_handlers(leave + "\r\n")
    }

    private func configureInput() {
        // raw, not cbreak: Ctrl-C, Ctrl-Z and Ctrl-S arrive as keys instead of signals or flow control.
        // Terminal modes: set on the terminal itself, never inside `collect`.
        raw()
        noecho()
        nonl()
        // The default Esc delay is a second, which makes Esc feel broken.
        set_escdelay(25)
        // Reads never block: the runtime polls the input descriptor and then drains the keys.
        nodelay(window, true)
        // The cursor is hidden, so ncurses need not move it after each update (fewer bytes).
        leaveok(window, true)
        // Output, each flushed by ncurses at once: kept to leave with the first frame.
        collect {
            keypad(window, true)
            curs_set(0)
        }
    }

    /// Runs ncurses calls whose output is to leave with the next `send` (see `FrameCapture`).
    func collect(_ body: () -> Void) {
        if let frames { frames.collect(body) } else { body() }
    }

    /// True once after each run of SIGWINCH. Here, not in another file, because the shim's state lives
    /// in a function's static, and each Swift file gets its own copy of the shim's functions.
    func resizeNoted() -> Bool {
        migdash_take_resize() != 0
    }

    /// Applies the terminal's size to ncurses when it differs from what ncurses has.
    func followTerminalSize() {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard migdash_terminal_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0 else { return }
        // ncurses keeps sizes in a short.
        let limit = Int32(Int16.max)
        rows = min(rows, limit)
        columns = min(columns, limit)
        if is_term_resized(rows, columns) { _ = resizeterm(rows, columns) }
    }

    /// The current size in columns and rows; after `.resize` it is the new size.
    public var size: Size {
        guard isOpen else { return sizeAtShutdown }
        return Size(width: Int(migdash_columns(window)), height: Int(migdash_rows(window)))
    }

    /// Rings the terminal bell with the next frame, or at `flush` when no frame follows.
    public func bell() {
        guard isOpen else { return }
        collect { _ = beep() }
    }

    /// Sends what is held for the next frame (a bell, the set-up before the first frame, controls).
    public func flush() {
        guard isOpen else { return }
        releaseControls()
        frames?.send()
    }

    /// Holds a control's bytes to leave after the next frame, or at `flush`: never inside a frame, where
    /// it would split one of ncurses' sequences. At most `heldLimit` bytes wait; more are dropped.
    public func send(_ control: TerminalControl) {
        guard isOpen else { return }
        let bytes = control.bytes
        guard heldControls.count + bytes.count <= Self.heldLimit else { return }
        heldControls += bytes
    }

    /// The most bytes of controls held for one frame: a few copies and notifications.
    static let heldLimit = 64 * 1024

    /// Puts the held controls after what was collected (ncurses has flushed its frame by then), or writes
    /// them at once where frames are not collected.
    func releaseControls() {
        guard !heldControls.isEmpty else { return }
        defer { heldControls.removeAll() }
        if let frames {
            frames.append(heldControls)
        } else {
            FrameCapture.writeDirectly(heldControls, to: STDOUT_FILENO)
        }
    }

    /// Makes the next `present` repaint the whole screen, not only what changed.
    public func invalidate() {
        repaintPending = true
    }

    /// Ctrl-Z: stops the process as a shell's job, with the shell's terminal modes back while it is
    /// stopped and curses' after `fg`; the next frame repaints everything. Where job control is off
    /// (SIGTSTP ignored, or nobody to continue an orphaned job) the process is not stopped and the
    /// dashboard simply carries on.
    ///
    /// Done here rather than by ncurses' SIGTSTP handler: that handler re-sends the signal to the
    /// whole process, and another thread could take it after the handler was put back, so the stop
    /// happened one time in three. Here the stop is sent to this thread alone, with the default
    /// action and the signal unblocked for the moment, so the process stops inside the call.
    ///
    /// endwin's output leaves in one write; its `tcsetattr` happens inside `collect`, where it cannot
    /// reach the terminal, so the shell's modes are put back here. ncurses would ask the terminal's size
    /// itself in the next frame, inside `collect` too: the size is followed here instead.
    public func suspend() {
        guard isOpen, migdash_stop_ignored() == 0 else { return }
        def_prog_mode()
        leaveCurses()
        migdash_stop_this_thread()
        reset_prog_mode()
        followTerminalSize()
        resuming = true
        repaintPending = true
    }

    /// endwin, in one write with whatever was held for the next frame, and the shell's modes back.
    private func leaveCurses() {
        collect { endwin() }
        if let frames {
            frames.send()
            migdash_restore_shell_modes()
        }
    }

    /// Leaves curses and restores the terminal; safe to call twice, and when the terminal is gone
    /// (ncurses gives up on a write that fails instead of retrying).
    public func shutdown() {
        guard isOpen else { return }
        sizeAtShutdown = size
        isOpen = false
        _ = set_term(screen)
        // A copy asked for in the turn that quit still goes, in the same write as the restore.
        releaseControls()
        collect { curs_set(1) }
        leaveCurses()
        delscreen(screen)
        frames?.release()
        migdash_unwatch_resizes()
        migdash_remove_fatal_handlers()
    }
}
