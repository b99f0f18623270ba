extension StringProtocol {
    /// The text without leading and trailing white space (ConvModel does without Foundation).
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// The text with control characters (line breaks among them) shown as `?`, so that an error
    /// message that quotes what the user typed stays on one line.
    public var singleLine: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}
