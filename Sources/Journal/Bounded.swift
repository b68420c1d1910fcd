/// Text from outside, cut to a size the journal keeps.
enum Bounded {
    /// `text` when it has at most `limit` characters, else its first `limit` and `…`.
    static func text(_ text: String, _ limit: Int) -> String {
        // utf8.count is cheap and bounds the character count from above.
        guard text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }
}
