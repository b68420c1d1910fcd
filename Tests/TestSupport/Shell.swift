/// Builds `sh` command lines from words, for the command a tmux pane runs.
public enum Shell {
    /// One word, single-quoted so the shell takes it as it is.
    public static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A command line from words, each quoted.
    public static func command(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}
