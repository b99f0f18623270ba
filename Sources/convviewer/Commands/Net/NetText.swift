import ConvNet

/// Text and JSON pieces shared by the `net` commands.
enum NetText {
    /// 0.8871 → "88.71 %"
    static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "–" }
        let hundredths = Int((fraction * 10000).rounded())
        let tail = hundredths % 100
        return "\(hundredths / 100).\(tail < 10 ? "0" : "")\(tail) %"
    }

    static func jsonNumber(_ v: Double) -> String { v.isFinite ? "\(v)" : "null" }

    /// The confusion matrix as aligned text: rows the true class, columns the prediction.
    static func confusion(_ e: Evaluation, classes: [String]) -> String {
        let width = max(5, e.confusion.joined().map { String($0).count }.max() ?? 1)
        let labels = classes.enumerated().map { "\($0) \($1)" }
        let nameWidth = max(labels.map(\.count).max() ?? 0, "true \\ predicted".count)
        func left(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        func right(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        var out = left("true \\ predicted", nameWidth) + (0..<classes.count).map { right(String($0), width + 1) }.joined() + "\n"
        for (i, row) in e.confusion.enumerated() {
            out += left(labels[i], nameWidth) + row.map { right(String($0), width + 1) }.joined() + "\n"
        }
        return out
    }
}
