/// Softmax and the cross-entropy loss against one label, with its gradient.
///
/// Shapes: logits [m] → probabilities [m]; label in 0..<m; dLogits [m]
enum SoftmaxCrossEntropy {
    /// p = exp(z − max z) / Σ exp(z − max z), computed in Double.
    static func forward(probabilities: UnsafeMutablePointer<Float>, logits: UnsafePointer<Float>, m: Int) {
        var top = logits[0]
        for j in 1..<m { top = max(top, logits[j]) }
        var total = 0.0
        for j in 0..<m {
            let e = Elementary.exp(Double(logits[j] - top))
            probabilities[j] = Float(e)
            total += e
        }
        for j in 0..<m { probabilities[j] = Float(Double(probabilities[j]) / total) }
    }

    /// The loss −log p[label], from the logits (log-sum-exp, so a tiny p does not underflow).
    static func loss(logits: UnsafePointer<Float>, label: Int, m: Int) -> Double {
        var top = logits[0]
        for j in 1..<m { top = max(top, logits[j]) }
        var total = 0.0
        for j in 0..<m { total += Elementary.exp(Double(logits[j] - top)) }
        return Elementary.log(total) - Double(logits[label] - top)
    }

    /// ∂loss/∂z = p − onehot(label)
    static func backward(dLogits: UnsafeMutablePointer<Float>, probabilities: UnsafePointer<Float>, label: Int, m: Int) {
        for j in 0..<m { dLogits[j] = probabilities[j] - (j == label ? 1 : 0) }
    }
}
