// The wide-character ncurses API is declared only when NCURSES_WIDECHAR is set before the
// header is included (see ../shared/notes/platform.md).
#ifndef TRELLIS_CNCURSESW_SHIM_H
#define TRELLIS_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncurses.h>
#include <term.h>  // cur_term, del_curterm (after ncurses.h, as it requires)

// glibc declares wcwidth only under __USE_XOPEN.
int wcwidth(wchar_t);

// Swift does not import function-like macros, and Swift 6 refuses to read C globals (stdscr,
// LINES, COLS, COLORS, stdin, stdout, cur_term) because they are not concurrency-safe. These
// accessors stand in for both; they are used only by the Terminal module.

static inline WINDOW *trellis_stdscr(void) { return stdscr; }
static inline int trellis_lines(void) { return LINES; }
static inline int trellis_cols(void) { return COLS; }
static inline int trellis_colors(void) { return COLORS; }
static inline int trellis_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *trellis_stdin(void) { return stdin; }
static inline FILE *trellis_stdout(void) { return stdout; }
static inline const char *trellis_codeset(void) { return nl_langinfo(CODESET); }
static inline void trellis_free_cur_term(void) {
    if (cur_term != NULL) del_curterm(cur_term);
}

// Attributes (NCURSES_BITS(1U, n)).
static inline attr_t trellis_a_normal(void) { return A_NORMAL; }
static inline attr_t trellis_a_bold(void) { return A_BOLD; }
static inline attr_t trellis_a_dim(void) { return A_DIM; }
static inline attr_t trellis_a_italic(void) { return A_ITALIC; }
static inline attr_t trellis_a_underline(void) { return A_UNDERLINE; }
static inline attr_t trellis_a_reverse(void) { return A_REVERSE; }

// Keys and mouse buttons.
static inline int trellis_key_f(int n) { return KEY_F(n); }
static inline mmask_t trellis_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t trellis_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t trellis_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t trellis_button5_pressed(void) { return BUTTON5_PRESSED; }

#endif
