import XCTest
import ConvModel

/// Every bad kernel or setting gives a typed error whose description is one line naming the problem.
/// (Bad image files are covered by PNMDecoderTests and the command-line check in Tests/independent.)
final class BadInputTests: XCTestCase {
    /// Asserts that `body` throws exactly `expected`, and that its description is one non-empty line
    /// containing `mentions`.
    private func assertThrows<E: Error & Equatable & CustomStringConvertible>(
        _ expected: E, mentioning mentions: String, _ body: () throws -> Any,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            let value = try body()
            XCTFail("no error; got \(value)", file: file, line: line)
        } catch let error as E {
            XCTAssertEqual(error, expected, file: file, line: line)
            assertOneLine(error.description, mentioning: mentions, file: file, line: line)
        } catch {
            XCTFail("wrong error type: \(type(of: error)) \(error)", file: file, line: line)
        }
    }

    private func assertOneLine(_ text: String, mentioning mentions: String = "",
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(text.isEmpty, file: file, line: line)
        XCTAssertFalse(text.contains(where: { $0.isNewline }), "more than one line: \(text)", file: file, line: line)
        if !mentions.isEmpty {
            XCTAssertTrue(text.contains(mentions), "'\(text)' should mention '\(mentions)'", file: file, line: line)
        }
    }

    // MARK: Kernels

    func testKernelTextThatDoesNotParse() {
        assertThrows(KernelError.unparsable("1,x,3;4,5,6;7,8,9", reason: "'x' is not a number"), mentioning: "not a number") {
            try Kernel.parse("1,x,3;4,5,6;7,8,9")
        }
        assertThrows(KernelError.unparsable("1,,3;4,5,6;7,8,9", reason: "an empty weight"), mentioning: "empty") {
            try Kernel.parse("1,,3;4,5,6;7,8,9")
        }
        assertThrows(KernelError.unparsable("1,2,3;4,5,6;7,8,9;", reason: "an empty weight"), mentioning: "empty") {
            try Kernel.parse("1,2,3;4,5,6;7,8,9;")
        }
        assertThrows(KernelError.unparsable("", reason: "an empty weight"), mentioning: "does not parse") {
            try Kernel.parse("")
        }
        assertThrows(KernelError.unparsable("1 x 3;4 5 6;7 8 9", reason: "'x' is not a number"), mentioning: "'x'") {
            try Kernel.named("1 x 3;4 5 6;7 8 9")
        }
    }

    /// Weights may be separated by spaces as well as commas, or both.
    func testWeightsSeparatedBySpaces() throws {
        let sobel = Kernel.preset(named: "sobel_x")!.weights
        for text in ["-1 0 1;-2 0 2;-1 0 1", "-1, 0, 1; -2, 0, 2; -1, 0, 1", "-1 0,1;-2  0 2 ; -1\t0 1"] {
            XCTAssertEqual(try Kernel.named(text).weights, sobel, text)
        }
        XCTAssertEqual(try Kernel.named("1 1 1 ; 1 1 1 ; 1 1 1").size, 3)
    }

    func testKernelNotSquare() {
        assertThrows(KernelError.notSquare(rows: 2, columns: [3, 3]), mentioning: "not square") {
            try Kernel.parse("1,2,3;4,5,6")
        }
        assertThrows(KernelError.notSquare(rows: 3, columns: [3, 2, 3]), mentioning: "3/2/3") {
            try Kernel.parse("1,2,3;4,5;7,8,9")
        }
        assertThrows(KernelError.notSquare(rows: 1, columns: [3]), mentioning: "1 row of 3 weights") {
            try Kernel.named("1,2,3")
        }
        assertThrows(KernelError.notSquare(rows: 1, columns: [9]),
                     mentioning: "1 row of 9 weights: rows are split by ';', e.g. 1,2,3;4,5,6;7,8,9") {
            try Kernel.named("1 2 3 4 5 6 7 8 9")
        }
    }

    func testKernelEvenSized() {
        assertThrows(KernelError.evenSize(2), mentioning: "odd") { try Kernel.parse("1,2;3,4") }
        let eight = Array(repeating: Array(repeating: "1", count: 8).joined(separator: ","), count: 8).joined(separator: ";")
        assertThrows(KernelError.evenSize(8), mentioning: "8×8") { try Kernel.parse(eight) }
    }

    func testKernelLargerThanSeven() {
        let nine = Array(repeating: Array(repeating: "0", count: 9).joined(separator: ","), count: 9).joined(separator: ";")
        assertThrows(KernelError.tooLarge(9), mentioning: "7×7") { try Kernel.parse(nine) }
        // 7×7 itself is fine.
        let seven = Array(repeating: Array(repeating: "0", count: 7).joined(separator: ","), count: 7).joined(separator: ";")
        XCTAssertEqual(try Kernel.parse(seven).size, 7)
    }

    func testKernelWithNaNOrInfinity() {
        assertThrows(KernelError.notFinite("nan"), mentioning: "finite") { try Kernel.parse("0,0,0;0,nan,0;0,0,0") }
        assertThrows(KernelError.notFinite("inf"), mentioning: "finite") { try Kernel.parse("inf,0,0;0,1,0;0,0,0") }
        assertThrows(KernelError.notFinite("-inf"), mentioning: "finite") { try Kernel.parse("0,0,0;0,1,0;0,0,-inf") }
        assertThrows(KernelError.notFinite("1e39"), mentioning: "1e39") { try Kernel.parse("1e39") }
        // A bare "nan" or "inf" is read as a 1×1 kernel, not as an unknown name.
        assertThrows(KernelError.notFinite("nan"), mentioning: "finite") { try Kernel.named("nan") }
        assertThrows(KernelError.notFinite("infinity"), mentioning: "finite") { try Kernel.named("infinity") }
    }

    func testUnknownFilterName() {
        let known = Kernel.presets.map(\.name)
        assertThrows(KernelError.unknownName("edge_x", known: known), mentioning: "unknown filter 'edge_x'") {
            try Kernel.named("edge_x")
        }
        assertThrows(KernelError.unknownName("", known: known), mentioning: "unknown filter") { try Kernel.named("") }
        // The message lists what would have worked.
        XCTAssertTrue(KernelError.unknownName("x", known: known).description.contains("sharpen"))
    }

    /// Whatever the user typed, the message stays on one line: a name or kernel text with a line
    /// break in it (a stray newline in a script or a pasted argument) must not split the error.
    func testKernelErrorsStayOneLineWhateverTheText() {
        for text in ["edge\nv", "1,2\n3;4,5,6;7,8,9", "1,x\ny,0;0,1,0;0,0,0", "bad\rname"] {
            do {
                _ = try Kernel.named(text)
                XCTFail("'\(text)' should not parse")
            } catch {
                assertOneLine("\(error)")
            }
        }
    }

    // MARK: Settings

    private func validate(_ w: Int, _ h: Int, kernel k: Int = 3, _ s: ConvSettings) throws -> ConvGeometry {
        try ConvGeometry.validated(inputWidth: w, inputHeight: h, kernelSize: k, settings: s)
    }

    func testStrideZeroOrNegative() {
        assertThrows(SettingsError.badStride(0), mentioning: "stride") { try self.validate(16, 16, ConvSettings(stride: 0)) }
        assertThrows(SettingsError.badStride(-2), mentioning: "-2") { try self.validate(16, 16, ConvSettings(stride: -2)) }
    }

    func testDilationZero() {
        assertThrows(SettingsError.badDilation(0), mentioning: "dilation") { try self.validate(16, 16, ConvSettings(dilation: 0)) }
    }

    func testBiasNotFinite() {
        for bias in [Float.nan, .infinity, -.infinity] {
            assertThrows(SettingsError.biasNotFinite, mentioning: "bias") { try self.validate(16, 16, ConvSettings(bias: bias)) }
        }
    }

    /// A 7×7 kernel on a 5×5 image, valid: 5 − 7 < 0, no window fits. With `same` it fits.
    /// Dilation 3 spreads a 7×7 kernel over 19 pixels, more than a 16×16 image holds.
    func testStrideOrPaddingLeavingNoOutput() throws {
        assertThrows(SettingsError.noOutput(inputWidth: 5, inputHeight: 5, kernel: 7, stride: 1, padding: .valid, dilation: 1),
                     mentioning: "leaves no output") { try self.validate(5, 5, kernel: 7, ConvSettings()) }
        assertThrows(SettingsError.noOutput(inputWidth: 24, inputHeight: 2, kernel: 3, stride: 4, padding: .valid, dilation: 1),
                     mentioning: "24×2") { try self.validate(24, 2, ConvSettings(stride: 4)) }
        assertThrows(SettingsError.noOutput(inputWidth: 16, inputHeight: 16, kernel: 7, stride: 1, padding: .valid, dilation: 3),
                     mentioning: "dilation 3") { try self.validate(16, 16, kernel: 7, ConvSettings(dilation: 3)) }
        XCTAssertEqual(try validate(5, 5, kernel: 7, ConvSettings(padding: .same)).outputWidth, 5)
        XCTAssertEqual(try validate(5, 5, kernel: 5, ConvSettings(stride: 7)).outputWidth, 1)
    }

    func testEmptyInput() {
        assertThrows(SettingsError.emptyInput, mentioning: "0×0") { try self.validate(0, 0, ConvSettings()) }
        assertThrows(SettingsError.emptyInput, mentioning: "empty") { try self.validate(0, 5, ConvSettings(padding: .same)) }
        assertThrows(SettingsError.emptyInput, mentioning: "empty") { try self.validate(5, 0, ConvSettings()) }
    }

    /// The unchecked paths do not crash either: the convolution of something that has no output is an
    /// empty grid, and the settings are clamped rather than trapped on.
    func testUncheckedPathsDoNotCrash() {
        let k = Kernel.preset(named: "blur")!
        XCTAssertTrue(Convolution.apply(Grid(width: 0, height: 0), k, ConvSettings()).isEmpty)
        XCTAssertTrue(Convolution.apply(Grid(width: 2, height: 9), k, ConvSettings()).isEmpty)
        XCTAssertEqual(Convolution.apply(Grid(width: 5, height: 5), k, ConvSettings(stride: 0)).width, 3)
        XCTAssertEqual(Convolution.apply(Grid(width: 5, height: 5), k, ConvSettings(dilation: -1)).width, 3)
        let empty = FeatureMaps(input: Grid(width: 0, height: 0), kernel: k, settings: ConvSettings())
        XCTAssertTrue(empty.conv.isEmpty)
        XCTAssertTrue(empty.pool.isEmpty)
        XCTAssertTrue(Pooling.apply(Grid(width: 0, height: 0), mode: .avg).isEmpty)
        XCTAssertTrue(Pooling.apply(Grid(width: 1, height: 7), mode: .max).isEmpty)
    }
}
