import CNcursesw

/// The process locale ncurses needs for wide characters. With `LANG` unset or `C`, ncurses
/// shows every non-ASCII character as a blank, so when the user's locale is not UTF-8 the
/// character type alone is switched to a UTF-8 locale (collation and messages are kept).
enum LocaleSetup {
    static let fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]

    /// Adopts the user's locale, then a UTF-8 character type if needed; true when the
    /// character type is UTF-8 in the end.
    static func adoptUTF8() -> Bool {
        _ = setlocale(LC_ALL, "")
        if codesetIsUTF8() { return true }
        for name in fallbacks where setlocale(LC_CTYPE, name) != nil {
            if codesetIsUTF8() { return true }
        }
        return false
    }

    static func codesetIsUTF8() -> Bool {
        guard let codeset = trellis_codeset() else { return false }
        return isUTF8(codesetName: String(cString: codeset))
    }

    /// "UTF-8", "utf8", "UTF8" and the like.
    static func isUTF8(codesetName: String) -> Bool {
        codesetName.lowercased().filter { $0 != "-" && $0 != "_" } == "utf8"
    }
}
