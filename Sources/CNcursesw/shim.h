// ncursesw for Swift: the wide-character API needs NCURSES_WIDECHAR before the header,
// and the macros Swift cannot import are exposed as inline functions.
#ifndef MIGDASH_CNCURSESW_SHIM_H
#define MIGDASH_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// The C streams: Swift 6 refuses `stdin`/`stdout` as shared mutable globals.
static inline FILE *migdash_stdin(void) { return stdin; }
static inline FILE *migdash_stdout(void) { return stdout; }

// The locale's character set, such as "UTF-8" (nl_langinfo's CODESET is an enum macro).
static inline const char *migdash_codeset(void) { return nl_langinfo(CODESET); }

// True when SIGTSTP is ignored (started without job control): Ctrl-Z then has nothing to do.
static inline int migdash_stop_ignored(void) {
    struct sigaction current;
    return sigaction(SIGTSTP, NULL, &current) == 0 && current.sa_handler == SIG_IGN;
}

// Stops the process as a shell's job stops, from this thread: SIGTSTP with its default action, sent
// to this thread alone with the signal unblocked for the moment, so the stop happens inside the call
// (a signal sent to the process could be taken by another thread after the handler is restored).
// Returns once the shell continues the job; the previous handler and mask are then put back.
static inline void migdash_stop_this_thread(void) {
    struct sigaction standard, previous_action;
    memset(&standard, 0, sizeof standard);
    standard.sa_handler = SIG_DFL;
    sigemptyset(&standard.sa_mask);
    sigaction(SIGTSTP, &standard, &previous_action);
    sigset_t stop, previous_mask;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &stop, &previous_mask);
    pthread_kill(pthread_self(), SIGTSTP);
    pthread_sigmask(SIG_SETMASK, &previous_mask, NULL);
    sigaction(SIGTSTP, &previous_action, NULL);
}

// ---- Restoring the terminal whatever ends the process ----------------------------------------
// A fatal signal (a crash, a runtime trap, SIGQUIT, SIGUSR1, SIGALRM …) would leave the terminal raw,
// in the alternate screen with the cursor hidden. These handlers put back the modes the shell had and
// the escape sequences that leave curses' screen, then run whatever handled the signal before (Swift's
// backtracer) or its default action, so the exit status stays 128+N. Only async-signal-safe calls.
typedef struct {
    struct termios shell_modes;
    int shell_modes_saved;
    int fd;
    char bytes[256];
    size_t length;
    struct sigaction previous[65];
} migdash_fatal_state;

// The handlers' state. A function's static rather than a header's: Swift emits this header's inline
// functions into the module that imports it, but not the storage of static variables. Each Swift file
// gets its own copy of these functions, and so of the static: call them all from one Swift file.
static inline migdash_fatal_state *migdash_fatal(void) {
    static migdash_fatal_state state = {.fd = -1};
    return &state;
}

static inline const int *migdash_fatal_signals(size_t *count) {
    static const int numbers[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT, SIGQUIT,
                                  SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ};
    *count = sizeof numbers / sizeof numbers[0];
    return numbers;
}

// Remembers the terminal's modes as the shell left them, before curses changes them.
static inline void migdash_save_shell_modes(int fd) {
    migdash_fatal_state *state = migdash_fatal();
    state->fd = fd;
    state->shell_modes_saved = tcgetattr(fd, &state->shell_modes) == 0;
}

static void migdash_restore_on_fatal(int number, siginfo_t *info, void *context) {
    migdash_fatal_state *state = migdash_fatal();
    if (state->fd >= 0) {
        if (state->shell_modes_saved) tcsetattr(state->fd, TCSANOW, &state->shell_modes);
        if (state->length > 0) {
            ssize_t ignored = write(state->fd, state->bytes, state->length);
            (void)ignored;
        }
    }
    struct sigaction previous = state->previous[number];
    sigaction(number, &previous, NULL);
    if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction != NULL) {
        previous.sa_sigaction(number, info, context);
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(number);
    }
    signal(number, SIG_DFL);
    raise(number);
}

// Puts back the modes the shell had, as endwin does; for an endwin whose own tcsetattr did not reach
// the terminal (see "One write per frame" below). TCSADRAIN, as ncurses: what was written goes out first.
static inline void migdash_restore_shell_modes(void) {
    migdash_fatal_state *state = migdash_fatal();
    if (state->fd >= 0 && state->shell_modes_saved) tcsetattr(state->fd, TCSADRAIN, &state->shell_modes);
}

// Installs the handlers; `bytes` (at most 255) leave the alternate screen and show the cursor.
static inline void migdash_install_fatal_handlers(const char *bytes) {
    migdash_fatal_state *state = migdash_fatal();
    size_t length = strlen(bytes);
    if (length >= sizeof state->bytes) length = sizeof state->bytes - 1;
    memcpy(state->bytes, bytes, length);
    state->length = length;
    size_t count;
    const int *numbers = migdash_fatal_signals(&count);
    for (size_t index = 0; index < count; index++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = migdash_restore_on_fatal;
        action.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_NODEFER;
        sigemptyset(&action.sa_mask);
        sigaction(numbers[index], &action, &state->previous[numbers[index]]);
    }
}

// Puts back whatever handled the fatal signals before, once the terminal is restored normally.
static inline void migdash_remove_fatal_handlers(void) {
    migdash_fatal_state *state = migdash_fatal();
    size_t count;
    const int *numbers = migdash_fatal_signals(&count);
    for (size_t index = 0; index < count; index++) sigaction(numbers[index], &state->previous[numbers[index]], NULL);
    state->length = 0;
    state->fd = -1;
}

// ---- One write per frame ---------------------------------------------------------------------
// ncurses 6.4 sends a frame in many write(2) calls: after every cursor movement until the screen has
// been through endwin once, whenever its buffer of (2 + rows) x (6 + columns) bytes fills, and in
// curs_set, keypad and beep. Over SSH each write can become a packet. CursesTerminal gives ncurses a
// descriptor of its own for the terminal and, while it updates the screen, points that descriptor at
// an anonymous memory file; the frame then leaves in one write (FrameCapture.swift).

// An anonymous file in memory, close-on-exec; -1 where the system has none (then frames go out as
// ncurses writes them).
static inline int migdash_memory_file(void) {
#if defined(__linux__) && defined(SYS_memfd_create)
    int fd = (int)syscall(SYS_memfd_create, "migdash-frame", 0);
    if (fd >= 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) {
        close(fd);
        return -1;
    }
    return fd;
#else
    return -1;
#endif
}

// Makes descriptor `target` refer to what `source` refers to, close-on-exec; 0 on success.
static inline int migdash_point_descriptor(int target, int source) {
    while (dup2(source, target) < 0) {
        if (errno != EINTR) return -1;
    }
    return fcntl(target, F_SETFD, FD_CLOEXEC) < 0 ? -1 : 0;
}

// The terminal's size in rows and columns (ioctl is variadic, which Swift cannot call); 0 on success.
static inline int migdash_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) < 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

// ---- Following resizes ------------------------------------------------------------------------
// ncurses installs a SIGWINCH handler only where none is set, and its handler makes the next doupdate
// ask the size of the descriptor it writes to, which during a frame is the memory file: the resize
// would be lost. So the dashboard follows resizes itself (resizeterm(3X) describes this): the handler
// notes the signal, and CursesScreen.readKeys asks the terminal its size and calls resizeterm. The
// state is a function's static, as the fatal handlers' is: use it from one Swift file.
typedef struct {
    volatile sig_atomic_t pending;
    int watching;
    struct sigaction previous;
} migdash_resize_state;

static inline migdash_resize_state *migdash_resizes(void) {
    static migdash_resize_state state;
    return &state;
}

static void migdash_note_resize(int number) {
    (void)number;
    migdash_resizes()->pending = 1;
}

// Installs the SIGWINCH handler; call before newterm, so that ncurses leaves SIGWINCH alone.
static inline int migdash_watch_resizes(void) {
    migdash_resize_state *state = migdash_resizes();
    if (state->watching) return 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = migdash_note_resize;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGWINCH, &action, &state->previous) != 0) return -1;
    state->pending = 0;
    state->watching = 1;
    return 0;
}

// Puts back whatever handled SIGWINCH before.
static inline void migdash_unwatch_resizes(void) {
    migdash_resize_state *state = migdash_resizes();
    if (!state->watching) return;
    sigaction(SIGWINCH, &state->previous, NULL);
    state->watching = 0;
}

// True once for each run of SIGWINCH since the last call (the flag is cleared before the size is read,
// so a resize during the reading is seen next time).
static inline int migdash_take_resize(void) {
    return __atomic_exchange_n(&migdash_resizes()->pending, 0, __ATOMIC_SEQ_CST) != 0;
}

// A terminfo string capability, or "" when the terminal has none.
static inline const char *migdash_capability(const char *name) {
    const char *value = tigetstr(name);
    return (value == NULL || value == (const char *)-1) ? "" : value;
}

// The current screen's own window (stdscr is a global Swift 6 refuses).
static inline WINDOW *migdash_stdscr(void) { return stdscr; }

// True when the current terminal can move the cursor (terminfo `cup`); without it (TERM=dumb)
// ncurses starts but cannot draw a screen. tigetstr returns (char *)-1 for a non-string name.
static inline int migdash_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

// COLORS and COLOR_PAIRS of the current screen (macros over globals Swift 6 cannot use).
static inline int migdash_colors(void) { return COLORS; }
static inline int migdash_color_pairs(void) { return COLOR_PAIRS; }

// getmaxyx is a macro.
static inline int migdash_rows(const WINDOW *win) { return getmaxy(win); }
static inline int migdash_columns(const WINDOW *win) { return getmaxx(win); }

// The A_* attributes are built with NCURSES_BITS, which Swift cannot import.
static inline attr_t migdash_a_normal(void) { return A_NORMAL; }
static inline attr_t migdash_a_bold(void) { return A_BOLD; }
static inline attr_t migdash_a_dim(void) { return A_DIM; }
static inline attr_t migdash_a_underline(void) { return A_UNDERLINE; }
static inline attr_t migdash_a_reverse(void) { return A_REVERSE; }

// KEY_F(n) is a function-like macro.
static inline int migdash_key_f(int n) { return KEY_F(n); }

// Draws one grapheme (a spacing character and up to four combining ones, zero-terminated)
// at a position with attributes and an extended colour pair, in one call from Swift.
static inline int migdash_put_cell(WINDOW *win, int y, int x, const wchar_t *chars, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, 0, &pair) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

// Draws a run of narrow characters (no combining marks) in one style.
static inline int migdash_put_run(WINDOW *win, int y, int x, const wchar_t *chars, int count, attr_t attrs, int pair) {
    wattr_set(win, attrs, 0, &pair);
    int code = mvwaddnwstr(win, y, x, chars, count);
    wattr_set(win, A_NORMAL, 0, NULL);
    return code;
}

#endif
