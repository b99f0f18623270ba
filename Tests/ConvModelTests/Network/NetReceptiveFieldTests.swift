import ConvModel
import ConvNet
import XCTest

/// Receptive fields worked out from the layers' definitions, one axis at a time, by following
/// every index back: a 3×3 valid conv's output i reads inputs i, i+1, i+2; a 2×2 pool's output
/// i reads 2i and 2i+1; ReLU reads i.
final class NetReceptiveFieldTests: XCTestCase {
    private enum Layer { case conv, pool, relu }
    private let layers: [Layer] = [.conv, .relu, .pool, .conv, .relu, .pool]  // conv1 … pool2

    /// The input indices along one axis that index `i` of stage `stage` (1…6) reads.
    private func inputs(stage: Int, index i: Int) -> Set<Int> {
        var set: Set<Int> = [i]
        for layer in layers[0..<stage].reversed() {
            switch layer {
            case .conv: set = Set(set.flatMap { [$0, $0 + 1, $0 + 2] })
            case .pool: set = Set(set.flatMap { [2 * $0, 2 * $0 + 1] })
            case .relu: break
            }
        }
        return set
    }

    func testConv2CellsReadEightByEightAndPool2CellsTenByTen() {
        XCTAssertEqual(inputs(stage: NetStages.conv2, index: 0), Set(0..<8))
        XCTAssertEqual(inputs(stage: NetStages.pool2, index: 0), Set(0..<10))
        XCTAssertEqual(NetReceptiveField.of(stage: NetStages.conv2, row: 3, col: 10).size, 8)
        XCTAssertEqual(NetReceptiveField.of(stage: NetStages.pool2, row: 4, col: 4).size, 10)
    }

    func testEveryCellOfEveryMapStageMatchesTheDefinitions() {
        let sides = [28, 26, 26, 13, 11, 11, 5]
        for stage in 0...NetStages.pool2 {
            for r in 0..<sides[stage] {
                let want = inputs(stage: stage, index: r)
                for c in [0, r, sides[stage] - 1] {
                    let f = NetReceptiveField.of(stage: stage, row: r, col: c)
                    XCTAssertEqual(Set(f.row ..< f.row + f.size), want, "\(NetStages.names[stage]) row \(r)")
                    XCTAssertEqual(Set(f.col ..< f.col + f.size), inputs(stage: stage, index: c), "\(NetStages.names[stage]) col \(c)")
                    XCTAssertLessThanOrEqual(f.row + f.size, 28)
                }
            }
        }
    }

    func testFlattenedValuesAreTheirPool2CellsAndTheClassifierSeesEverything() {
        // k = c·25 + y·5 + x
        XCTAssertEqual(NetReceptiveField.of(stage: NetStages.flatten, row: 3 * 25 + 2 * 5 + 4, col: 0),
                       NetReceptiveField.of(stage: NetStages.pool2, row: 2, col: 4))
        XCTAssertEqual(NetReceptiveField.of(stage: NetStages.dense, row: 0, col: 0), NetReceptiveField(row: 0, col: 0, size: 28))
        XCTAssertEqual(NetReceptiveField.of(stage: NetStages.softmax, row: 9, col: 0).size, 28)
    }

    /// The network agrees: changing every input pixel outside a conv2 or pool2 cell's field
    /// leaves the cell's value as it was, in every channel.
    func testPixelsOutsideTheFieldDoNotChangeTheValue() {
        var rng = SeededGenerator(seed: 11)
        let net = Network(NetworkWeights.heNormal(.standard, using: &rng))
        let base = (0..<784).map { _ in Float.random(in: 0..<1, using: &rng) }
        for (stage, r, c) in [(NetStages.conv2, 4, 7), (NetStages.pool2, 2, 3), (NetStages.relu2, 10, 0)] {
            let f = NetReceptiveField.of(stage: stage, row: r, col: c)
            var other = base
            for y in 0..<28 {
                for x in 0..<28 where !(f.row..<f.row + f.size).contains(y) || !(f.col..<f.col + f.size).contains(x) {
                    other[y * 28 + x] = 1 - other[y * 28 + x]
                }
            }
            let a = net.stages(values: base)[stage].tensor, b = net.stages(values: other)[stage].tensor
            for ch in 0..<16 { XCTAssertEqual(a[ch, r, c], b[ch, r, c], "\(NetStages.names[stage]) channel \(ch)") }
            // …while a pixel inside does change something (the field is not too large).
            var inside = base
            inside[f.row * 28 + f.col] = 1 - inside[f.row * 28 + f.col]
            inside[(f.row + f.size - 1) * 28 + f.col + f.size - 1] += 3
            let d = net.stages(values: inside)[stage].tensor
            XCTAssertTrue((0..<16).contains { d[$0, r, c] != a[$0, r, c] }, "\(NetStages.names[stage]) sees its field")
        }
    }
}
