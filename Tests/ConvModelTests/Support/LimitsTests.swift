import XCTest
@testable import ConvModel

/// `Limits`: every size input controls is checked, overflow-safe, before anything is allocated.
/// The regressions of issue 10 are named after what used to happen.
final class LimitsTests: XCTestCase {
    func testProductAndSumReportOverflowInsteadOfTrapping() {
        XCTAssertEqual(Limits.product(8192, 8192), 67_108_864)
        XCTAssertEqual(Limits.product(0, Int.max), 0)
        // 3.5·10⁹ squared is 1.2·10¹⁹, past Int.max (9.2·10¹⁸): the 33-byte PNG's header.
        XCTAssertNil(Limits.product(3_500_000_000, 3_500_000_000))
        XCTAssertNil(Limits.product(-1, 5))
        XCTAssertNil(Limits.sum(Int.max, 1))
        XCTAssertEqual(Limits.sum(Int.max - 1, 1), Int.max)
    }

    func testCheckNamesTheValueAndTheLimit() {
        XCTAssertThrowsError(try Limits.check("dilation", 1025, atMost: 1024)) {
            XCTAssertEqual("\($0)", "dilation 1025 is more than the limit of 1024")
        }
        XCTAssertNoThrow(try Limits.check("dilation", 1024, atMost: 1024))
        XCTAssertThrowsError(try Limits.checkArea("the image", width: Int.max, height: 2, atMost: 10)) {
            XCTAssertEqual("\($0)", "the image \(Int.max)×2 is more than the limit of 10 pixels")
        }
    }

    func testLongValuesAreCutInMessages() {
        let long = String(repeating: "7", count: 100_000)
        XCTAssertEqual(Limits.quoted(long), String(repeating: "7", count: 40) + "…")
        XCTAssertEqual(Limits.quoted("a\nb"), "a?b")
        XCTAssertThrowsError(try Kernel.parse(long + ",x")) {
            XCTAssertLessThan("\($0)".count, 200, "\($0)")
        }
        XCTAssertThrowsError(try Kernel.named(long)) { XCTAssertLessThan("\($0)".count, 300) }
    }

    // MARK: convolution settings (the same check serves the command line, tour files and the window)

    private func validated(_ w: Int, _ h: Int, kernelSize: Int = 3, stride: Int = 1, padding: Padding = .valid,
                           dilation: Int = 1) throws -> ConvGeometry {
        try ConvGeometry.validated(inputWidth: w, inputHeight: h, kernelSize: kernelSize,
                                   settings: ConvSettings(stride: stride, padding: padding, dilation: dilation))
    }

    func testHugeDilationWithSamePaddingIsRefusedNotAllocated() {
        // Used to abort in malloc ("invalid size") or print a map of garbage with exit 0.
        XCTAssertThrowsError(try validated(24, 24, padding: .same, dilation: Int.max)) {
            XCTAssertEqual("\($0)", "dilation \(Int.max) is more than the limit of 1024")
        }
        XCTAssertThrowsError(try validated(24, 24, padding: .valid, dilation: Int.max))
        // Used to run for minutes past 6 GB (a 40 024² padded input).
        XCTAssertThrowsError(try validated(24, 24, padding: .same, dilation: 20_000))
    }

    func testThePaddedInputOfSamePaddingIsBounded() throws {
        // 4096 + 2·1024 = 6144 a side, 37 748 736 cells: more than 2^24.
        XCTAssertThrowsError(try validated(4096, 4096, padding: .same, dilation: 1024)) {
            XCTAssertEqual("\($0)", "with dilation 1024 and same padding, the padded input 6144×6144 is more than the limit of 16777216 pixels")
        }
        // 24 + 2·3·1024 = 6168 a side with a 7×7 kernel: 38 million cells, refused; a 3×3 kernel
        // pads 2·1024: 2072² = 4 293 184 cells, allowed, and the map keeps the input's size.
        XCTAssertThrowsError(try validated(24, 24, kernelSize: 7, padding: .same, dilation: 1024))
        let g = try validated(24, 24, kernelSize: 3, padding: .same, dilation: 1024)
        XCTAssertEqual(g.outputWidth, 24)
    }

    func testLargestDilationGivesTheHandWorkedMap() throws {
        // With taps 1024 apart on a 24×24 input only the centre tap ever lands on the image, so
        // the identity kernel copies the input and any kernel gives centre weight × pixel + bias.
        let input = BuiltinImages.named("face")!.grid
        let settings = ConvSettings(padding: .same, bias: 0.5, dilation: Limits.dilation)
        let k = Kernel(name: "k", label: "k", size: 3, weights: [9, 9, 9, 9, 2, 9, 9, 9, 9])
        _ = try ConvGeometry.validated(inputWidth: 24, inputHeight: 24, kernel: k, settings: settings)
        let conv = Convolution.apply(input, k, settings)
        XCTAssertEqual(conv.values, input.values.map { 2 * $0 + 0.5 })
    }

    func testStrideAndAreaOverflowAreRefused() {
        XCTAssertThrowsError(try validated(24, 24, stride: Int.max)) {
            XCTAssertEqual("\($0)", "stride \(Int.max) is more than the limit of 32767")
        }
        XCTAssertThrowsError(try validated(Int.max, Int.max))
        XCTAssertThrowsError(try validated(4097, 4096))
        XCTAssertNoThrow(try validated(4096, 4096))
    }

    func testWeightsWhoseSumsOverflowAreRefused() throws {
        // 3e38 · 9 is past Float's range: `compute --json` used to print a bare `inf`.
        let big = Kernel(name: "k", label: "k", size: 3, weights: [Float](repeating: 3e38, count: 9))
        XCTAssertThrowsError(try ConvGeometry.validated(inputWidth: 24, inputHeight: 24, kernel: big, settings: ConvSettings()))
        XCTAssertThrowsError(try Limits.checkSums(weights: [1], bias: 3e38))
        // 9 · 10²⁹ is within the limit, and every sum of the map is then finite.
        let ok = Kernel(name: "k", label: "k", size: 3, weights: [Float](repeating: 1e29, count: 9))
        _ = try ConvGeometry.validated(inputWidth: 24, inputHeight: 24, kernel: ok, settings: ConvSettings())
        let maps = FeatureMaps(input: BuiltinImages.named("face")!.grid, kernel: ok, settings: ConvSettings())
        XCTAssertTrue(maps.conv.values.allSatisfy(\.isFinite))
        XCTAssertTrue(maps.pool.values.allSatisfy(\.isFinite))
    }

    func testAppStateKeepsRunningWhenAnEditWouldPassALimit() throws {
        var state = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.presets[0])
        let before = state.settings
        state.update(.setSettings(ConvSettings(padding: .same, dilation: Int.max)))
        XCTAssertEqual(state.settings, before)
        XCTAssertEqual(state.message, "dilation \(Int.max) is more than the limit of 1024")
        // A kernel whose sums would overflow, as typed in the window: refused the same way.
        let kernelBefore = state.kernel
        state.update(.setKernel(Kernel(name: "k", label: "k", size: 3, weights: [Float](repeating: 3e38, count: 9))))
        XCTAssertEqual(state.kernel, kernelBefore)
        XCTAssertTrue(state.message?.hasPrefix("the sum of the kernel's absolute weights and bias") == true, state.message ?? "nil")
        XCTAssertTrue(state.maps.conv.values.allSatisfy(\.isFinite))
    }
}
