import XCTest
import ConvModel

/// The strip's tensor shapes follow from the real input size, kernel, stride and padding.
final class ArchitectureStripTests: XCTestCase {
    private func shapes(_ n: Int, kernel k: Int = 3, stride: Int = 1, padding: Padding = .valid,
                        file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let g = ConvGeometry(inputWidth: n, inputHeight: n, kernelSize: k, stride: stride, padding: padding)
        let stages = ArchitectureStrip.stages(for: g)
        XCTAssertEqual(stages.count, ArchitectureStrip.stageCount, file: file, line: line)
        return stages.map(\.shapeText)
    }

    func testSixteen() {
        XCTAssertEqual(shapes(16), ["16×16×1", "14×14×1", "14×14×1", "7×7×1", "7×7×8", "7×7×8", "3×3×8", "72", "10", "10"])
    }

    func testTwentyFour() {
        XCTAssertEqual(shapes(24), ["24×24×1", "22×22×1", "22×22×1", "11×11×1", "11×11×8", "11×11×8", "5×5×8", "200", "10", "10"])
    }

    /// An odd map loses its last row and column to each pool.
    func testThirtyOne() {
        XCTAssertEqual(shapes(31), ["31×31×1", "29×29×1", "29×29×1", "14×14×1", "14×14×8", "14×14×8", "7×7×8", "392", "10", "10"])
    }

    func testStrideTwo() {
        // ⌊(24 − 3)/2⌋ + 1 = 11, pooled to 5, kept at 5 by the second (same-padded) conv, pooled to 2.
        XCTAssertEqual(shapes(24, stride: 2), ["24×24×1", "11×11×1", "11×11×1", "5×5×1", "5×5×8", "5×5×8", "2×2×8", "32", "10", "10"])
    }

    func testSamePadding() {
        XCTAssertEqual(shapes(24, padding: .same), ["24×24×1", "24×24×1", "24×24×1", "12×12×1", "12×12×8", "12×12×8", "6×6×8", "288", "10", "10"])
        XCTAssertEqual(shapes(31, kernel: 5, padding: .same)[1], "31×31×1")
    }

    func testNonSquareInput() {
        let g = ConvGeometry(inputWidth: 32, inputHeight: 16, kernelSize: 3, stride: 1, padding: .valid)
        let stages = ArchitectureStrip.stages(for: g)
        XCTAssertEqual(stages[0].shape, [16, 32, 1], "height, width, channels")
        XCTAssertEqual(stages[0].shapeText, "32×16×1", "written width first, like the panel title 32×16")
        XCTAssertEqual(stages[1].shape, [14, 30, 1])
        XCTAssertEqual(stages[6].shapeText, "7×3×8")
        XCTAssertEqual(stages[7].shape, [3 * 7 * 8])
    }

    /// For any input the shapes agree with the model's own geometry, and flatten is the product.
    func testShapesAgreeWithTheGeometry() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let w = rng.int(3...80), h = rng.int(3...80), k = [1, 3, 5, 7].randomElement(using: &rng)!
            let s = rng.int(1...3), p: Padding = rng.int(0...1) == 0 ? .valid : .same
            let g = ConvGeometry(inputWidth: w, inputHeight: h, kernelSize: k, stride: s, padding: p)
            guard g.hasOutput else { continue }
            let st = ArchitectureStrip.stages(for: g)
            XCTAssertEqual(st.map(\.kind), [.input, .conv, .relu, .pool, .conv, .relu, .pool, .flatten, .dense, .softmax])
            XCTAssertEqual(st[1].shape, [g.outputHeight, g.outputWidth, 1])
            XCTAssertEqual(st[3].shape, [g.poolHeight, g.poolWidth, 1])
            XCTAssertEqual(st[4].shape, [g.poolHeight, g.poolWidth, ArchitectureStrip.secondConvFilters], "same padding keeps the size")
            XCTAssertEqual(st[6].shape, [g.poolHeight / 2, g.poolWidth / 2, ArchitectureStrip.secondConvFilters])
            XCTAssertEqual(st[7].shape, [st[6].shape.reduce(1, *)])
            XCTAssertEqual(st[8].shape, [ArchitectureStrip.classes])
            XCTAssertEqual(st.map(\.isShownInPanels), [true, true, true, true, false, false, false, false, false, false])
        }
    }

    func testNamesSayTheKernelAndThePool() {
        let g = ConvGeometry(inputWidth: 24, inputHeight: 24, kernelSize: 5, stride: 1, padding: .valid)
        XCTAssertEqual(ArchitectureStrip.stages(for: g)[1].name, "conv 5×5")
        XCTAssertEqual(ArchitectureStrip.stages(for: g, pool: .avg)[3].name, "avg-pool 2×2")
        XCTAssertTrue(ArchitectureStrip.stages(for: g).allSatisfy { !$0.shortName.isEmpty })
    }

    /// The conv (with its ReLU) is lit at every position, since each computes a cell; the pool
    /// as well at the positions whose cell completes a block (row 1, odd columns, on 22×22).
    func testLitStage() {
        let conv = ArchitectureStrip.convIndex, relu = ArchitectureStrip.reluIndex, pool = ArchitectureStrip.poolIndex
        var scan = ScanCursor(columns: 22, rows: 22)
        XCTAssertEqual(ArchitectureStrip.litStages(scan: scan, showRelu: true), [conv, relu])
        XCTAssertEqual(ArchitectureStrip.litStages(scan: scan, showRelu: false), [conv])
        // Row 0 completes no block; row 1 completes one at every odd column.
        for col in 0..<22 {
            scan.seek(scan.index(row: 0, col: col))
            XCTAssertEqual(ArchitectureStrip.litStages(scan: scan, showRelu: true), [conv, relu], "row 0, column \(col)")
            scan.seek(scan.index(row: 1, col: col))
            XCTAssertEqual(ArchitectureStrip.litStages(scan: scan, showRelu: true), col % 2 == 1 ? [conv, relu, pool] : [conv, relu],
                           "row 1, column \(col)")
        }
        scan.seek(scan.completionPosition(poolRow: 0, poolCol: 0))
        XCTAssertEqual(ArchitectureStrip.litStages(scan: scan, showRelu: false), [conv, pool])
        // An odd last column is dropped by the pool: no pool cell completes there.
        var odd = ScanCursor(columns: 5, rows: 5)
        odd.seek(odd.index(row: 1, col: 4))
        XCTAssertEqual(ArchitectureStrip.litStages(scan: odd, showRelu: true), [conv, relu])
        XCTAssertEqual(ArchitectureStrip.litStages(scan: ScanCursor(columns: 0, rows: 0), showRelu: true), [])
    }
}
