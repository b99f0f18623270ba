import Glibc
import ConvNet

/// `net train`'s progress on stderr: on a terminal one line redrawn in place (epoch, images,
/// running loss and accuracy, images/s, time left); otherwise one plain line per epoch.
struct TrainingProgress {
    let epochs: Int
    let imagesPerEpoch: Int
    let live = isatty(2) != 0
    let start = Monotonic.now()
    private var epochStart = Monotonic.now()
    private var lastShown = -1.0
    private var loss = 0.0, correct = 0, seen = 0, totalSeen = 0, epoch = 0

    init(epochs: Int, imagesPerEpoch: Int) {
        self.epochs = epochs
        self.imagesPerEpoch = imagesPerEpoch
    }

    mutating func add(_ batch: BatchResult, epoch: Int, done: Int) {
        self.epoch = epoch
        loss += batch.loss
        correct += batch.correct
        seen += batch.count
        totalSeen += batch.count
        guard live else { return }
        let now = Monotonic.now()
        guard now - lastShown >= 0.1 else { return }
        lastShown = now
        let rate = Double(totalSeen) / max(now - start, 1e-9)
        let left = Double(epochs * imagesPerEpoch - totalSeen) / rate
        RecordProgress.writeError("\r  epoch \(epoch + 1)/\(epochs)  images \(done)/\(imagesPerEpoch)  "
            + "loss \(RecordProgress.fixed(loss / Double(seen), 4))  accuracy \(NetText.percent(Double(correct) / Double(seen)))  "
            + "\(Int(rate)) images/s  ETA \(RecordProgress.fixed(left, 1)) s\u{1B}[K")
    }

    /// The epoch's summary on its own line; the running figures start again.
    /// `trainedUntil` is when the epoch's last step ended, before the test set was classified.
    mutating func endEpoch(testAccuracy: Double, trainedUntil now: Double) {
        let rate = Double(seen) / max(now - epochStart, 1e-9)
        RecordProgress.writeError((live ? "\r\u{1B}[K" : "") + "epoch \(epoch + 1)/\(epochs): training loss "
            + "\(RecordProgress.fixed(loss / Double(max(seen, 1)), 4)), training accuracy \(NetText.percent(Double(correct) / Double(max(seen, 1)))), "
            + "test accuracy \(NetText.percent(testAccuracy)), \(Int(rate)) images/s, \(RecordProgress.fixed(now - epochStart, 2)) s\n")
        epochStart = Monotonic.now()
        (loss, correct, seen) = (0, 0, 0)
    }

    func clear() {
        if live { RecordProgress.writeError("\r\u{1B}[K") }
    }

    func finish(_ summary: String) {
        RecordProgress.writeError((live ? "\r\u{1B}[K" : "") + summary + " (\(RecordProgress.fixed(Monotonic.now() - start, 1)) s in all)\n")
    }
}
