#ifndef MLSOC_CNCURSES_SHIM_H
#define MLSOC_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so ask for the wide API here. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Wrappers for the curses macros Swift cannot import. Prefix: cnc_. */

static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_colors(void) { return COLORS; }
static inline int cnc_color_pairs(void) { return COLOR_PAIRS; }
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_key_resize(void) { return KEY_RESIZE; }
static inline int cnc_err(void) { return ERR; }
/* 1 when the terminal can move the cursor (terminfo `cup`): TERM=dumb and printing terminals cannot. */
static inline int cnc_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

static inline void cnc_getmaxyx(WINDOW *w, int *y, int *x) {
    int yy, xx;
    getmaxyx(w, yy, xx);
    *y = yy;
    *x = xx;
}

static inline mmask_t cnc_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline int cnc_key_mouse(void) { return KEY_MOUSE; }
/* The wheel direction of the pending mouse event: -1 up, 1 down, 0 anything else. */
static inline int cnc_mouse_wheel(void) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    if (event.bstate & BUTTON4_PRESSED) return -1;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 1;
#endif
    return 0;
}

static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }

/* Writes one cell: a grapheme of up to 5 code points, with attributes and a colour pair. */
static inline int cnc_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, pair, NULL) != OK) {
        return ERR;
    }
    return mvwadd_wch(stdscr, y, x, &cell);
}

/* wget_wch that returns the key in *out and says whether it is a function key. */
static inline int cnc_get_wch(unsigned int *out) {
    wint_t ch = 0;
    int rc = get_wch(&ch);
    *out = (unsigned int)ch;
    return rc; /* OK, KEY_CODE_YES or ERR */
}
static inline int cnc_key_code_yes(void) { return KEY_CODE_YES; }

/*
 * Signals. A handler may only set a flag; the run loop polls it between key reads and restores
 * the terminal itself. Fatal signals (a crash) restore the terminal, then re-raise.
 */
static volatile sig_atomic_t cnc_signal_received = 0;

static inline void cnc_flag_signal(int sig) { cnc_signal_received = sig; }

static inline void cnc_crash_handler(int sig) {
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void cnc_install_signal_handlers(void) {
    /* A parent may have started us with these blocked; the console must see them. */
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cnc_flag_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = cnc_crash_handler;
    sigemptyset(&crash.sa_mask);
    sigaction(SIGSEGV, &crash, NULL);
    sigaction(SIGBUS, &crash, NULL);
    sigaction(SIGILL, &crash, NULL);
    sigaction(SIGTRAP, &crash, NULL);
    sigaction(SIGABRT, &crash, NULL);
    sigaction(SIGFPE, &crash, NULL);
}

static inline int cnc_pending_signal(void) { return (int)cnc_signal_received; }

#endif
