// ncursesw for Swift: the wide-character API needs NCURSES_WIDECHAR before the header,
// and the macros Swift cannot import are exposed as inline functions.
#ifndef MIGDASH_CNCURSESW_SHIM_H
#define MIGDASH_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
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
