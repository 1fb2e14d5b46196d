// cmark-gfm and its GitHub extensions (tables, strikethrough, task lists, autolinks).
#ifndef TRELLIS_CCMARKGFM_SHIM_H
#define TRELLIS_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

// The extension node types are exported by the library but declared by no installed header.
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
#endif
