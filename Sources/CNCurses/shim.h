// ncursesw for Swift. The wide-character API needs _XOPEN_SOURCE_EXTENDED before the header;
// C globals and macros are wrapped in functions so Swift 6 sees no shared mutable state.
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncurses.h>
#include <locale.h>
#include <wchar.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_key_f(int n) { return KEY_F(n); }

static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_italic(void) { return A_ITALIC; }
static inline attr_t cn_a_blink(void) { return A_BLINK; }
static inline attr_t cn_a_standout(void) { return A_STANDOUT; }

static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }
static inline int cn_cury(void) { return getcury(stdscr); }
static inline int cn_curx(void) { return getcurx(stdscr); }

/// Writes one cell: the characters of a grapheme with its attributes and colour pair.
static inline int cn_put_cell(int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}
#endif
