/// The words and numbers of the learn view, as pure functions of a snapshot.
public enum LearnText {
    /// 64000 → "64,000".
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? DecimalText.minus + out : out
    }

    /// An axis tick: 0, 500, 20k, 1.5M.
    public static func compact(_ n: Double) -> String {
        if n >= 1_000_000 { return DecimalText.fixed(n / 1_000_000, decimals: 1) + "M" }
        if n >= 1000 { return DecimalText.fixed(n / 1000, decimals: 1) + "k" }
        return DecimalText.fixed(n, decimals: 0)
    }

    /// 0.8414 → "84.1 %".
    public static func percent(_ fraction: Double) -> String {
        DecimalText.fixed((fraction * 1000).rounded() / 10, decimals: 1) + " %"
    }

    /// The status line: where we are and what the run is doing.
    public static func status(_ s: LearnSnapshot) -> (title: String, state: String) {
        let state: String
        if s.diverged {
            state = "diverged: the loss is no longer a number — lower the learning rate and reset"
        } else if s.paused {
            state = "paused after \(grouped(s.steps)) batches"
        } else {
            state = "training · \(LearnControls.speedLabel(s.speedIndex))"
        }
        return ("Watch it learn", state)
    }

    /// The line shown when the data set is missing, longest first (the view shows the first that fits).
    public static func notice(_ s: LearnSnapshot) -> [String]? {
        guard s.usesSample else { return nil }
        let total = s.trainingImages + s.testImages
        return ["Data set not installed: training on \(s.trainingImages) of the \(total) sample images shipped with convviewer, "
                    + "testing on the other \(s.testImages)",
                "No data set: training on the \(total)-image sample (\(s.trainingImages) to train, \(s.testImages) to test)",
                "Training on the \(total)-image sample"]
    }

    /// How many `figures` there are.
    public static let figureCount = 7

    /// The figures, label and value, in reading order.
    public static func figures(_ s: LearnSnapshot) -> [(label: String, value: String)] {
        let speed = s.imagesPerSecond.map { grouped(Int($0.rounded())) } ?? "–"
        let test = s.testAccuracy.map { "\(percent($0)) of \(grouped(s.testImages))" } ?? "–"
        let running = s.history.latest.map { "loss \(DecimalText.fixed($0.loss, decimals: 3)), \(percent($0.accuracy)) right" } ?? "–"
        return [
            ("images seen", "\(grouped(s.imagesSeen)) (\(grouped(s.steps)) batches)"),
            ("epoch", "\(s.epoch + 1) (\(grouped(s.imagesIntoEpoch)) of \(grouped(s.trainingImages)))"),
            ("images/s", speed),
            ("learning rate", DecimalText.single(s.learningRate) + ", momentum 0.9"),
            ("test accuracy", test),
            ("training", running),
            ("start", s.start),
        ]
    }
}
