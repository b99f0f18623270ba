import XCTest
@testable import ConvNet

/// Each layer's backward pass against central finite differences of the scalar
/// L = Σ r · output, whose gradient with respect to the output is r (random).
final class LayerGradientTests: XCTestCase {
    let eps: Float = 1e-2

    func testConvGradientsMatchFiniteDifferences() {
        var rng = SeededGenerator(seed: 11)
        for (side, cin, cout) in [(4, 1, 8), (7, 8, 16), (6, 16, 8), (5, 8, 24), (9, 1, 16)] {
            let o = side - 2
            let input = rng.floats(side * side * cin), weight = rng.floats(9 * cin * cout), bias = rng.floats(cout)
            let r = rng.floats(o * o * cout)
            func loss(_ input: [Float], _ weight: [Float], _ bias: [Float]) -> Double {
                var a = [input, weight, bias, [Float](repeating: 0, count: o * o * cout)]
                withBuffers(&a) { p in Conv3x3.forward(output: p[3], input: p[0], weight: p[1], bias: p[2], side: side, cin: cin, cout: cout) }
                return zip(a[3], r).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            }
            var a = [input, r, [Float](repeating: 0, count: weight.count), [Float](repeating: 0, count: cout),
                     [Float](repeating: 0, count: input.count), weight, [Float](repeating: 0, count: weight.count),
                     [Float](repeating: 0, count: weight.count), [Float](repeating: 0, count: weight.count),
                     [Float](repeating: 0, count: cout), [Float](repeating: 0, count: input.count)]
            withBuffers(&a) { p in
                Conv3x3.backwardParameters(dWeight: p[2], dBias: p[3], dOutput: p[1], input: p[0], side: side, active: o, cin: cin, cout: cout)
                if cin % 8 == 0 {
                    Conv3x3.transpose(p[5], into: p[6], cin: cin, cout: cout)
                    // The sparse pass: weight gradient transposed in p[7], folded into p[8].
                    Conv3x3.backwardSparse(dWeightT: p[7], dBias: p[9], dInput: p[10], dOutput: p[1], input: p[0], weightT: p[6],
                                           side: side, active: o, cin: cin, cout: cout)
                    Conv3x3.addTransposed(p[7], into: p[8], cin: cin, cout: cout)
                }
            }
            let what = "side \(side) cin \(cin) cout \(cout)"
            assertClose(a[2], numeric(weight) { loss(input, $0, bias) }, tolerance: 2e-2, "dWeight " + what)
            assertClose(a[3], numeric(bias) { loss(input, weight, $0) }, tolerance: 2e-2, "dBias " + what)
            if cin % 8 == 0 {
                let dInput = numeric(input) { loss($0, weight, bias) }
                assertClose(a[8], a[2], tolerance: 1e-4, "sparse dWeight " + what)
                assertClose(a[9], a[3], tolerance: 1e-4, "sparse dBias " + what)
                assertClose(a[10], dInput, tolerance: 2e-2, "sparse dInput " + what)
            }
        }
    }

    func testConvBackwardOverTheActiveCornerOnly() {
        // With the output gradient zero outside the top-left active×active corner, restricting
        // the backward pass to that corner must change nothing.
        var rng = SeededGenerator(seed: 12)
        let side = 13, cin = 8, cout = 16, o = 11, active = 10
        let input = rng.floats(side * side * cin), weight = rng.floats(9 * cin * cout)
        var r = rng.floats(o * o * cout)
        for y in 0..<o { for x in 0..<o where y >= active || x >= active { for c in 0..<cout { r[(y * o + x) * cout + c] = 0 } } }
        func run(_ act: Int) -> [[Float]] {
            var a = [input, r, [Float](repeating: 0, count: weight.count), [Float](repeating: 0, count: cout),
                     [Float](repeating: 0, count: input.count), weight, [Float](repeating: 0, count: weight.count)]
            withBuffers(&a) { p in
                Conv3x3.backwardParameters(dWeight: p[2], dBias: p[3], dOutput: p[1], input: p[0], side: side, active: act, cin: cin, cout: cout)
                Conv3x3.transpose(p[5], into: p[6], cin: cin, cout: cout)
                var scratchT = [Float](repeating: 0, count: weight.count), scratchBias = [Float](repeating: 0, count: cout)
                Conv3x3.backwardSparse(dWeightT: &scratchT, dBias: &scratchBias, dInput: p[4], dOutput: p[1], input: p[0], weightT: p[6],
                                       side: side, active: act, cin: cin, cout: cout)
            }
            return [a[2], a[3], a[4]]
        }
        let full = run(o), corner = run(active)
        for i in 0..<3 { assertClose(corner[i], full[i], tolerance: 1e-5) }
    }

    func testReLUMaxPoolGradientMatchesFiniteDifferences() {
        var rng = SeededGenerator(seed: 13)
        for (side, c) in [(4, 8), (11, 16), (12, 8), (5, 24)] {
            let p = side / 2
            // Distinct values at least 2/n apart, so a step of 1e-4 never changes a block's maximum.
            var input = (0..<side * side * c).map { (Float($0) + 0.5) / Float(side * side * c) * 2 - 1 }  // never exactly 0, the ReLU kink
            rng.shuffle(&input)
            let r = rng.floats(p * p * c)
            func loss(_ x: [Float]) -> Double {
                var a = [x, [Float](repeating: 0, count: p * p * c)]
                withBuffers(&a) { q in ReLUMaxPool.forward(output: q[1], input: q[0], side: side, channels: c) }
                return zip(a[1], r).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            }
            var a = [input, [Float](repeating: 0, count: p * p * c), r, [Float](repeating: 0, count: input.count)]
            withBuffers(&a) { q in
                ReLUMaxPool.forward(output: q[1], input: q[0], side: side, channels: c)
                ReLUMaxPool.backward(dInput: q[3], dOutput: q[2], input: q[0], output: q[1], side: side, channels: c)
            }
            assertClose(a[3], numeric(input, step: 1e-4, loss), tolerance: 2e-2, "side \(side) channels \(c)")
        }
    }

    func testDenseGradientsMatchFiniteDifferences() {
        var rng = SeededGenerator(seed: 14)
        for (n, m) in [(8, 1), (400, 10), (64, 3)] {
            let input = rng.floats(n), weight = rng.floats(n * m), bias = rng.floats(m), r = rng.floats(m)
            func loss(_ input: [Float], _ weight: [Float], _ bias: [Float]) -> Double {
                var a = [input, weight, bias, [Float](repeating: 0, count: m)]
                withBuffers(&a) { p in Dense.forward(output: p[3], input: p[0], weight: p[1], bias: p[2], n: n, m: m) }
                return zip(a[3], r).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            }
            var a = [[Float](repeating: 0, count: n), [Float](repeating: 0, count: n * m), [Float](repeating: 0, count: m), r, input, weight]
            withBuffers(&a) { p in
                Dense.backward(dInput: p[0], dWeight: p[1], dBias: p[2], dOutput: p[3], input: p[4], weight: p[5], n: n, m: m)
            }
            assertClose(a[0], numeric(input) { loss($0, weight, bias) }, tolerance: 2e-2, "dInput \(n)→\(m)")
            assertClose(a[1], numeric(weight) { loss(input, $0, bias) }, tolerance: 2e-2, "dWeight \(n)→\(m)")
            assertClose(a[2], numeric(bias) { loss(input, weight, $0) }, tolerance: 2e-2, "dBias \(n)→\(m)")
        }
    }

    func testSoftmaxCrossEntropyGradientMatchesFiniteDifferences() {
        var rng = SeededGenerator(seed: 15)
        for label in 0..<10 {
            let logits = rng.floats(10, -4, 4)
            func loss(_ z: [Float]) -> Double {
                var a = [z]
                return withBuffers(&a) { p in SoftmaxCrossEntropy.loss(logits: p[0], label: label, m: 10) }
            }
            var a = [logits, [Float](repeating: 0, count: 10), [Float](repeating: 0, count: 10)]
            withBuffers(&a) { p in
                SoftmaxCrossEntropy.forward(probabilities: p[1], logits: p[0], m: 10)
                SoftmaxCrossEntropy.backward(dLogits: p[2], probabilities: p[1], label: label, m: 10)
            }
            assertClose(a[2], numeric(logits, step: 1e-2, loss), tolerance: 1e-2, "label \(label)")
            XCTAssertEqual(a[1].reduce(0, +), 1, accuracy: 1e-6)
        }
    }

    /// Central differences (f(x + h) − f(x − h)) / 2h for every element of x, accumulated in Double.
    func numeric(_ x: [Float], step: Float? = nil, _ f: ([Float]) -> Double) -> [Float] {
        let h = step ?? eps
        var x = x
        return (0..<x.count).map { i in
            let keep = x[i]
            x[i] = keep + h
            let up = f(x)
            x[i] = keep - h
            let down = f(x)
            x[i] = keep
            return Float((up - down) / (2 * Double(h)))
        }
    }
}
