import ConvModel
import ConvNet
import XCTest

final class LearnHistoryTests: XCTestCase {
    func testAPointIsTheMeanOverItsBatchesImages() {
        var h = LearnHistory(batchesPerPoint: 2)
        h.add(BatchResult(loss: 64, correct: 8, count: 32), imagesSeen: 32)
        XCTAssertEqual(h.training, [], "half a point is not shown")
        h.add(BatchResult(loss: 16, correct: 0, count: 8), imagesSeen: 40)
        // (64 + 16) / 40 images = 2; 8 right of 40 = 0.2.
        XCTAssertEqual(h.training, [LearnHistory.Point(imagesSeen: 40, loss: 2, accuracy: 0.2, images: 40)])
    }

    func testPastTheLimitNeighboursMergeWeightedByImages() {
        var h = LearnHistory(batchesPerPoint: 1)
        var seen = 0
        for i in 0...LearnHistory.maxPoints {
            let n = i % 2 == 0 ? 10 : 30
            seen += n
            h.add(BatchResult(loss: Double(i * n), correct: i % 2 == 0 ? n : 0, count: n), imagesSeen: seen)
        }
        // 1001 points became 501: 500 pairs and the last alone.
        XCTAssertEqual(h.training.count, 501)
        XCTAssertEqual(h.batchesPerPoint, 2)
        // First pair: losses 0 (10 images) and 1 (30 images) → 30/40; 10 right of 40.
        XCTAssertEqual(h.training[0], LearnHistory.Point(imagesSeen: 40, loss: 0.75, accuracy: 0.25, images: 40))
        XCTAssertEqual(h.training.last?.imagesSeen, seen)
        XCTAssertEqual(h.training.map(\.images).reduce(0, +), seen, "no image lost")
        // From now on two batches make a point.
        h.add(BatchResult(loss: 1, correct: 1, count: 1), imagesSeen: seen + 1)
        XCTAssertEqual(h.training.count, 501)
        h.add(BatchResult(loss: 3, correct: 0, count: 1), imagesSeen: seen + 2)
        XCTAssertEqual(h.training.last, LearnHistory.Point(imagesSeen: seen + 2, loss: 2, accuracy: 0.5, images: 2))
    }
}
