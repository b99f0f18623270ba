import XCTest
import ConvModel

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny seeded generator, so every property test
/// sees the same "random" inputs on every machine and a failure can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in [lo, hi).
    mutating func float(_ lo: Float, _ hi: Float) -> Float {
        Float.random(in: lo..<hi, using: &self)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// A grayscale image with values in [0, 1), as the model's inputs are.
    mutating func image(width: Int, height: Int) -> Grid {
        Grid(width: width, height: height, values: (0..<width * height).map { _ in float(0, 1) })
    }

    /// A kernel of side `size` with weights in [-2, 2).
    mutating func kernel(size: Int) -> Kernel {
        Kernel(name: "custom", label: "custom", size: size, weights: (0..<size * size).map { _ in float(-2, 2) })
    }

    /// An image whose sides are drawn from the ranges.
    mutating func image(widths: ClosedRange<Int>, heights: ClosedRange<Int>) -> Grid {
        let w = int(widths), h = int(heights)
        return image(width: w, height: h)
    }

    /// A kernel of a random odd side from `sizes`.
    mutating func kernel(sizes: [Int] = [1, 3, 5, 7]) -> Kernel {
        let n = sizes[int(0...sizes.count - 1)]
        return kernel(size: n)
    }

    /// An odd side 1, 3, 5 or 7.
    mutating func oddSize() -> Int { 2 * int(0...3) + 1 }

    mutating func bool() -> Bool { Bool.random(using: &self) }

    mutating func padding() -> Padding { bool() ? .valid : .same }
}

/// Rows of literal numbers, the way the hand-worked cases are written down.
func grid(_ rows: [[Float]]) -> Grid { Grid(rows: rows) }

func kernel(_ rows: [[Float]]) -> Kernel {
    Kernel(name: "custom", label: "custom", size: rows.count, weights: rows.flatMap { $0 })
}

/// Asserts that two grids have the same shape and values within `accuracy` of each other,
/// naming the first differing cell.
func assertGrid(_ actual: Grid, _ expected: Grid, accuracy: Float = 1e-6, _ message: String = "",
                file: StaticString = #filePath, line: UInt = #line) {
    guard actual.width == expected.width, actual.height == expected.height else {
        XCTFail("shape \(actual.width)×\(actual.height), expected \(expected.width)×\(expected.height) \(message)",
                file: file, line: line)
        return
    }
    for r in 0..<actual.height {
        for c in 0..<actual.width where !(abs(actual[r, c] - expected[r, c]) <= accuracy) {
            XCTFail("cell (\(r), \(c)) is \(actual[r, c]), expected \(expected[r, c]) \(message)", file: file, line: line)
            return
        }
    }
}

/// Same as `assertGrid`, with the expected map as literal rows.
func assertRows(_ actual: Grid, _ expected: [[Float]], accuracy: Float = 1e-6, _ message: String = "",
                file: StaticString = #filePath, line: UInt = #line) {
    assertGrid(actual, Grid(rows: expected), accuracy: accuracy, message, file: file, line: line)
}

/// `a·x + b·y`, cell by cell.
func combine(_ a: Float, _ x: Grid, _ b: Float, _ y: Grid) -> Grid {
    Grid(width: x.width, height: x.height, values: zip(x.values, y.values).map { a * $0 + b * $1 })
}

func combine(_ a: Float, _ x: Kernel, _ b: Float, _ y: Kernel) -> Kernel {
    Kernel(name: "custom", label: "custom", size: x.size, weights: zip(x.weights, y.weights).map { a * $0 + b * $1 })
}
