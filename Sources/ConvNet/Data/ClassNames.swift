/// Names for the ten classes of a data set.
public enum ClassNames {
    /// Fashion-MNIST's classes in label order.
    public static let fashion = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                 "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    /// For any other data set without a classes.txt: the digits.
    public static let digits = (0..<10).map(String.init)

    /// The names in a classes.txt: one a line, blank lines at the end ignored; nil unless
    /// exactly ten remain.
    public static func parse(_ text: String) -> [String]? {
        // "\r\n" is one Character, a newline like "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.count == NetShape.classes, !lines.contains(where: \.isEmpty) else { return nil }
        return lines
    }
}
