@testable import ConvNet

/// A small labelled set made on the spot: on a black 28×28 canvas, class 0 is a horizontal bar,
/// class 1 a vertical bar, class 2 a hollow square, each at a random place, with faint noise.
enum SyntheticShapes {
    static func make(count: Int, seed: UInt64) -> ImageSet {
        var rng = SeededGenerator(seed: seed)
        var pixels = [UInt8](repeating: 0, count: count * 784), labels: [UInt8] = []
        for i in 0..<count {
            let label = i % 3
            labels.append(UInt8(label))
            func set(_ y: Int, _ x: Int) { pixels[i * 784 + y * 28 + x] = 255 }
            let y0 = 2 + rng.below(14), x0 = 2 + rng.below(14)
            switch label {
            case 0: for y in y0..<y0 + 3 { for x in x0..<x0 + 12 { set(y, x) } }
            case 1: for y in y0..<y0 + 12 { for x in x0..<x0 + 3 { set(y, x) } }
            default:
                for k in 0..<10 { set(y0, x0 + k); set(y0 + 9, x0 + k); set(y0 + k, x0); set(y0 + k, x0 + 9) }
            }
            for p in 0..<784 where pixels[i * 784 + p] == 0 { pixels[i * 784 + p] = UInt8(rng.below(40)) }
        }
        return ImageSet(rows: 28, columns: 28, pixels: pixels, labels: labels)
    }
}
