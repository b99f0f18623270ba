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
        let width = max(6, e.confusion.joined().map { String($0).count }.max() ?? 1)
        let nameWidth = classes.map(\.count).max() ?? 0
        func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        var out = pad("true \\ predicted", nameWidth) + " " + (0..<classes.count).map { pad(String($0), width) }.joined(separator: " ") + "\n"
        for (i, row) in e.confusion.enumerated() {
            out += pad("\(classes[i]) \(i)", nameWidth) + " " + row.map { pad(String($0), width) }.joined(separator: " ") + "\n"
        }
        return out
    }
}
