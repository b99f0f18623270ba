/// A network's accuracy on a labelled set, and its confusion matrix.
public struct Evaluation: Equatable, Sendable {
    /// confusion[true label][predicted class]
    public let confusion: [[Int]]

    public var count: Int { confusion.joined().reduce(0, +) }
    public var correct: Int { (0..<confusion.count).reduce(0) { $0 + confusion[$1][$1] } }
    public var accuracy: Double { count == 0 ? 0 : Double(correct) / Double(count) }

    /// Classifies every image of `set`. Labels outside 0…9 count as wrong for every prediction
    /// and are left out of the matrix; `count` is then smaller than the set.
    public init(network: Network, set: ImageSet) {
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: NetShape.classes), count: NetShape.classes)
        set.pixels.withUnsafeBufferPointer { all in
            for i in 0..<set.count {
                let label = Int(set.labels[i])
                guard label < NetShape.classes else { continue }
                let image = UnsafeBufferPointer(rebasing: all[i * set.imageSize ..< (i + 1) * set.imageSize])
                matrix[label][network.classify(pixels: image)] += 1
            }
        }
        confusion = matrix
    }
}
