/// The subcommands' names, and the nearest one to a word that is none of them, so that a typo
/// (`convviewer rendr`) is answered with what was probably meant rather than "unexpected argument".
enum CommandNames {
    /// Read from the root command, so a new subcommand is known here without being listed twice.
    static let all: [String] = ConvViewer.configuration.subcommands.compactMap { $0.configuration.commandName }

    /// The message for `word` in the subcommand's place when it is no subcommand; nil when it is
    /// one, or is an option (starts with `-`).
    static func unknownCommandMessage(_ word: String) -> String? {
        // `help` is swift-argument-parser's own (`convviewer help render`).
        guard !word.hasPrefix("-"), !all.contains(word), word != "help" else { return nil }
        let list = all.joined(separator: ", ")
        if let near = nearest(to: word) {
            return "unknown command '\(word.singleLine)': did you mean '\(near)'? (commands: \(list))"
        }
        return "unknown command '\(word.singleLine)' (commands: \(list); options alone open the window)"
    }

    /// The name within edit distance 2 (or a prefix of the word's length, 3 letters or more) of
    /// `word`, closest first; nil when none is that close.
    static func nearest(to word: String) -> String? {
        let w = word.lowercased()
        let scored = all.map { ($0, distance(w, $0)) }.filter { $0.1 <= 2 }
        if let best = scored.min(by: { $0.1 < $1.1 }) { return best.0 }
        if w.count >= 3, let prefixed = all.first(where: { $0.hasPrefix(w) }) { return prefixed }
        return nil
    }

    /// Levenshtein distance: insertions, deletions and substitutions of one character each.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }
}
