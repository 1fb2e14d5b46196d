// The wide-character ncurses API is declared only when NCURSES_WIDECHAR is set before the
// header is included (see ../shared/notes/platform.md).
#ifndef TRELLIS_CNCURSESW_SHIM_H
#define TRELLIS_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncurses.h>
#endif
