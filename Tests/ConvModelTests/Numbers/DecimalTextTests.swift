import ConvModel
import XCTest

/// The one rule for writing numbers: hand-worked cases, then properties over many values.
final class DecimalTextTests: XCTestCase {
    func testFixedByHand() {
        let cases: [(Double, Int, String)] = [
            (0, 2, "0"), (1, 2, "1"), (0.3, 2, "0.3"), (0.25, 2, "0.25"), (-2.75, 2, "−2.75"), (-2.75, 1, "−2.8"),
            (12.5, 0, "13"), (100, 2, "100"), (1.999, 2, "2"), (-1, 2, "−1"), (0.0004, 4, "0.0004"),
            (-0.033, 3, "−0.033"), (-0.0000001, 2, "−1e−7"), (0.001, 2, "1e−3"),
        ]
        for (v, d, want) in cases { XCTAssertEqual(DecimalText.fixed(v, decimals: d), want, "\(v) at \(d) places") }
    }

    func testScientificByHand() {
        let cases: [(Double, Int, String)] = [
            (-123_456, 1, "−1e5"), (0.000012, 2, "1.2e−5"), (0.000012, 1, "1e−5"), (99_999, 1, "1e5"),
            (9.96, 2, "1e1"), (1, 2, "1e0"), (0.001, 1, "1e−3"), (-0.00045, 2, "−4.5e−4"), (0, 2, "0"),
        ]
        for (v, s, want) in cases { XCTAssertEqual(DecimalText.scientific(v, significant: s), want, "\(v), \(s) digits") }
    }

    func testGroupDecimalsShowTheSmallestNonzero() {
        XCTAssertEqual(DecimalText.decimals(toShow: [1, 0.5, 0]), 2, "never fewer than two")
        XCTAssertEqual(DecimalText.decimals(toShow: [1.0 / 9, 0.001]), 3, "0.001 is not 0")
        XCTAssertEqual(DecimalText.decimals(toShow: [0.0004, 5]), 4)
        XCTAssertEqual(DecimalText.decimals(toShow: [1.2e-5, 1]), 5)
        XCTAssertEqual(DecimalText.decimals(toShow: [1.2e-7, 1]), DecimalText.maxDecimals, "capped")
        XCTAssertEqual(DecimalText.group([0.001, 0, -1, 1.0 / 9]), ["0.001", "0", "−1", "0.111"])
        XCTAssertEqual(DecimalText.single(0.001), "0.001", "a bias of 0.001 in the status line")
        XCTAssertEqual(DecimalText.single(-0.5), "−0.5")
    }

    /// Property: whatever the value and decimals, every form offered reads as zero only for
    /// zero, uses U+2212 and never ASCII '-', and `forms` always ends in a one-digit form.
    func testEveryFormReadsTrue() {
        var rng = SplitMix64(seed: 9)
        for _ in 0..<4000 {
            let magnitude = Double(rng.int(-9...9))
            let v = Double(rng.float(-1, 1)) * DecimalText_pow10(magnitude)
            let d = rng.int(0...6)
            let forms = DecimalText.forms(for: v, decimals: d)
            XCTAssertFalse(forms.isEmpty)
            for form in forms {
                var bytes: [UInt8] = []
                let text = DecimalText.string(DecimalText.write(v, form, into: &bytes))
                XCTAssertFalse(text.contains("-"), "ASCII minus in \(text)")
                XCTAssertEqual(parse(text) == 0, v == 0, "\(v) as \(form) reads \(text)")
                if case .fixed(let places) = form, let back = parse(text) {
                    XCTAssertLessThanOrEqual(abs(back - v), 0.5 * DecimalText_pow10(Double(-places)) * (1 + 1e-9) + abs(v) * 1e-15, "\(v) \(text)")
                }
            }
        }
    }

    func testLegendTicksAreDistinct() {
        XCTAssertEqual(DecimalText.distinct([0, 0.0005, 0.001]), ["0", "0.0005", "0.001"], "not 0 0 0")
        XCTAssertEqual(DecimalText.distinct([0, 1.5, 3]), ["0", "1.5", "3"])
        XCTAssertEqual(DecimalText.distinct([-0.004, 0, 0.004]), ["−0.004", "0", "0.004"])
        XCTAssertEqual(DecimalText.distinct([0, 0, 0]), ["0", "0", "0"], "equal values read equal (one tick)")
        var rng = SplitMix64(seed: 3)
        for _ in 0..<500 {
            let hi = rng.float(0, 1) * Float(DecimalText_pow10(Double(rng.int(-8...6))))
            let ticks = DecimalText.distinct([0, hi / 2, hi])
            if hi > 0 { XCTAssertEqual(Set(ticks).count, 3, "\(hi): \(ticks)") }
        }
    }
}

/// 10^e without Foundation's pow, so the test does not lean on the code under test.
func DecimalText_pow10(_ e: Double) -> Double {
    var p = 1.0
    for _ in 0..<Int(abs(e)) { p *= 10 }
    return e < 0 ? 1 / p : p
}

/// Reads a number written by convviewer (U+2212 minus, optional `e` exponent) back as a Double.
func parse(_ text: String) -> Double? {
    Double(text.replacingOccurrences(of: "−", with: "-"))
}
