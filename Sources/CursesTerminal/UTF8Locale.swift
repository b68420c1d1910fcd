import CNcursesw

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts the process in a UTF-8 locale before ncurses starts: in any other locale ncurses
/// draws wide characters as blanks or escape codes.
enum UTF8Locale {
    /// Takes the user's locale, falling back to `C.UTF-8` for characters when that is not UTF-8
    /// (CI and `ssh` sessions often have no `LANG`); returns whether the result is UTF-8.
    @discardableResult
    static func configure() -> Bool {
        _ = setlocale(LC_ALL, "")
        // Numbers that C code formats or parses keep a '.' decimal point whatever the user's locale.
        _ = setlocale(LC_NUMERIC, "C")
        if isUTF8 { return true }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        return isUTF8
    }

    /// True when the current character set is UTF-8.
    static var isUTF8: Bool {
        guard let codeset = migdash_codeset() else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
