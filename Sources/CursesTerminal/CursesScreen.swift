import CNcursesw
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal on ncurses: presents cell grids, decodes keys, and restores the terminal on shutdown.
///
/// Not `Sendable` on purpose: curses is global state, so every call must come from the one thread
/// that runs the dashboard's loop. `start` lets ncurses install its SIGWINCH handler (resizes
/// arrive as `.resize`; never replace it) and, for signals still at their default, handlers for
/// SIGINT, SIGTERM and SIGTSTP that end curses and exit: a runtime that wants to handle those
/// signals itself takes them over (before or after `start`).
public final class CursesScreen: TerminalBackend {
    /// The terminal name ncurses was started with, such as `xterm-256color`.
    public let terminalName: String
    /// How many colours the terminal shows (0 when it has none).
    public let colorCount: Int
    /// Standard input, which becomes readable when a key is waiting.
    public var inputFileDescriptor: Int32 { STDIN_FILENO }

    /// The ncurses screen (`SCREEN*`), freed by `shutdown`.
    let screen: OpaquePointer
    /// The screen's own full-size window, which ncurses resizes on `KEY_RESIZE`.
    let window: UnsafeMutablePointer<WINDOW>
    /// False after `shutdown`: from then on no call may reach ncurses.
    var isOpen = true
    /// Set by `invalidate`: the next `present` repaints the whole screen.
    var repaintPending = false
    /// The colour pairs handed out so far.
    var pairs: ColorPairs
    /// Resolved styles, kept across frames because a pair, once defined, never changes.
    var drawingCache: [Style: CellDrawing] = [:]
    private var sizeAtShutdown = Size(width: 0, height: 0)

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, terminalName: String) {
        self.screen = screen
        self.window = window
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
        // newterm, unlike initscr, returns nil for an unknown terminal instead of printing and exiting.
        guard let screen = newterm(name, migdash_stdout(), migdash_stdin()) else {
            throw TerminalStartError(kind: .unknownTerminal, terminalName: name)
        }
        _ = set_term(screen)
        guard migdash_can_address_cursor() != 0, let window = migdash_stdscr() else {
            // newterm already changed the tty modes: restore them before giving up.
            endwin()
            delscreen(screen)
            throw TerminalStartError(kind: .terminalTooLimited, terminalName: name)
        }
        let terminal = CursesScreen(screen: screen, window: window, terminalName: name)
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
        raw()
        noecho()
        nonl()
        keypad(window, true)
        // The default Esc delay is a second, which makes Esc feel broken.
        set_escdelay(25)
        curs_set(0)
        // Reads never block: the runtime polls the input descriptor and then drains the keys.
        nodelay(window, true)
        // The cursor is hidden, so ncurses need not move it after each update (fewer bytes).
        leaveok(window, true)
    }

    /// The current size in columns and rows; after `.resize` it is the new size.
    public var size: Size {
        guard isOpen else { return sizeAtShutdown }
        return Size(width: Int(migdash_columns(window)), height: Int(migdash_rows(window)))
    }

    /// Rings the terminal bell.
    public func bell() {
        guard isOpen else { return }
        beep()
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
    public func suspend() {
        guard isOpen, migdash_stop_ignored() == 0 else { return }
        def_prog_mode()
        endwin()
        migdash_stop_this_thread()
        reset_prog_mode()
        repaintPending = true
    }

    /// Leaves curses and restores the terminal; safe to call twice, and when the terminal is gone
    /// (ncurses gives up on a write that fails instead of retrying).
    public func shutdown() {
        guard isOpen else { return }
        sizeAtShutdown = size
        isOpen = false
        _ = set_term(screen)
        curs_set(1)
        endwin()
        delscreen(screen)
        migdash_remove_fatal_handlers()
    }
}
