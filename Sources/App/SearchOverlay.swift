import Foundation
import Garden
import Screen

extension SearchState {
    /// Results fetched per keystroke: more than a screen holds, few enough that building
    /// their snippets stays cheap (each is an excerpt of the note's text).
    static let limit = 50
}

/// `/`: an incremental search over the whole garden. Every keystroke re-runs the query on the
/// search index (a few milliseconds for 10,000 notes); Enter opens the selected result with
/// its abstract unfolded, and n/N then step through the query's matches.
enum SearchOverlay {
    static func handle(_ key: Key, _ search: SearchState, _ state: inout AppState) -> [Effect] {
        var search = search
        var queryChanged = false
        switch key {
        case .escape:
            state.overlay = nil
            return []
        case .enter:
            open(search, &state)
            return []
        case .down, .control("n"), .control("j"), .tab:
            search.selected = min(search.selected + 1, max(0, search.hits.count - 1))
        case .up, .control("p"), .control("k"), .backTab:
            search.selected = max(0, search.selected - 1)
        case .pageDown:
            search.selected = min(search.selected + rows(state), max(0, search.hits.count - 1))
        case .pageUp:
            search.selected = max(0, search.selected - rows(state))
        case .backspace:
            guard !search.query.isEmpty else { return [] }
            search.query.removeLast()
            queryChanged = true
        case .control("u"):
            search.query = ""
            queryChanged = true
        case .control("w"):
            search.query = TextInput.deletingLastWord(search.query)
            queryChanged = true
        case .control("c"):
            state.quitting = true
            return [.quit]
        case .character(let character):
            search.query.append(character)
            queryChanged = true
        default:
            return []
        }
        if queryChanged {
            search.hits = state.searchIndex?.search(search.query, limit: SearchState.limit) ?? []
            search.selected = 0
            search.scroll = 0
        }
        search.scroll = Scrolling.visible(search.selected, scroll: search.scroll, rows: rows(state), count: search.hits.count)
        state.overlay = .search(search)
        return []
    }

    private static func open(_ search: SearchState, _ state: inout AppState) {
        guard search.hits.indices.contains(search.selected) else { return }
        let id = search.hits[search.selected].noteID
        state.overlay = nil
        state.lastQuery = search.query
        // Everything unfolded: the match may be in the abstract, the notes or a <details>.
        state.collapsedByNote[id] = []
        state.rememberVisit()
        state.reveal(id)
        state.relayoutReading()
        state.focus = .reading
        // To the first line with a match, the title included; the top when none shows (a match
        // in the front matter's hidden keys, say).
        state.reading.cursor = -1
        state.stepMatch(forward: true)
        if state.reading.cursor < 0 {
            state.status = nil
            state.moveCursor(to: 0)
        }
    }

    /// Result rows the overlay shows (two lines each: title, snippet).
    static func rows(_ state: AppState) -> Int {
        max(1, (SearchOverlay.frame(in: state.size).height - 4) / 2)
    }

    /// The overlay's frame: most of the screen, centred.
    static func frame(in size: Size) -> Rect {
        let width = min(size.width - 2, max(40, size.width * 4 / 5))
        let height = max(6, size.height - 4)
        return Rect(x: (size.width - width) / 2, y: 1, width: width, height: min(height, size.height - 2))
    }
}

/// Small editing helpers for the one-line inputs.
enum TextInput {
    static func deletingLastWord(_ text: String) -> String {
        var result = Substring(text)
        while result.last == " " { result = result.dropLast() }
        while let last = result.last, last != " " { result = result.dropLast() }
        return String(result)
    }
}

/// Search snippets are raw file text; this shows them as prose: HTML tags, emphasis marks,
/// backticks, wiki-link brackets and table bars removed, whitespace collapsed.
enum SnippetText {
    static func plain(_ text: Substring) -> String {
        let text = text.replacingOccurrences(of: "[[", with: "").replacingOccurrences(of: "]]", with: "")
        var result = ""
        var inTag = false
        var previous: Character = " "
        for character in text {
            if inTag {
                if character == ">" { inTag = false }
                continue
            }
            switch character {
            case "<":
                inTag = true
                continue
            case "*", "`", "|":
                continue
            case "_" where previous == "_" || previous == " ":
                continue
            default:
                break
            }
            let shown: Character = character.isWhitespace ? " " : character
            if shown == " ", result.last == " " { continue }
            result.append(shown)
            previous = character
        }
        // A tag cut off at the end leaves nothing; one cut off at the start shows its tail.
        if let close = result.firstIndex(of: ">"), !result[..<close].contains("<"), result.distance(from: result.startIndex, to: close) < 20 {
            result = String(result[result.index(after: close)...])
        }
        return result
    }
}
