/// A 3×3 convolution (cross-correlation, valid, stride 1) on channel-last maps: the forward pass
/// and its backward pass side by side. The output channels are the innermost index, so each
/// step of the inner loops is one multiply-add on a whole vector of output channels.
///
/// Vectors are read and written with the standard library's `loadUnaligned`/`storeBytes` right
/// where they are used (here and in the other layers): a shared generic helper in another file
/// is not specialised in incremental debug builds, which made the tests thirty times slower.
///
/// Shapes (s = input side, o = s − 2):
///   input  [s][s][cin]     weight [3][3][cin][cout]     bias [cout]     output [o][o][cout]
enum Conv3x3 {
    /// output[y][x][co] = bias[co] + Σ_dy Σ_dx Σ_ci input[y+dy][x+dx][ci] · weight[dy][dx][ci][co],
    /// for the `active`×`active` top-left outputs (all of them when nil; a pool that drops the
    /// last row and column does not need them).
    static func forward(output: UnsafeMutablePointer<Float>, input: UnsafePointer<Float>,
                        weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                        side s: Int, active: Int? = nil, cin: Int, cout: Int) {
        let n = active ?? s - 2
        if cout % 16 == 0 {
            forward(SIMD16<Float>.self, output: output, input: input, weight: weight, bias: bias, side: s, active: n, cin: cin, cout: cout)
        } else {
            forward(SIMD8<Float>.self, output: output, input: input, weight: weight, bias: bias, side: s, active: n, cin: cin, cout: cout)
        }
    }

    @inline(__always)
    private static func forward<V: SIMD>(_: V.Type, output: UnsafeMutablePointer<Float>, input: UnsafePointer<Float>,
                                         weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                                         side s: Int, active: Int, cin: Int, cout: Int) where V.Scalar == Float {
        let o = s - 2
        // Along a row the three taps' inputs are contiguous, as are their weights: one run of 3·cin.
        // Two neighbouring outputs are computed together so each weight vector loaded serves both.
        let run = 3 * cin
        for y in 0..<active {
            var x = 0
            while x < active {
                let pair = x + 1 < active
                let out = output + (y * o + x) * cout
                for g in stride(from: 0, to: cout, by: V.scalarCount) {
                    var acc0: V = UnsafeRawPointer(bias + g).loadUnaligned(as: V.self)
                    var acc1 = acc0
                    for dy in 0..<3 {
                        let ip = input + ((y + dy) * s + x) * cin
                        let wp = weight + dy * run * cout + g
                        if pair {
                            for k in 0..<run {
                                let w: V = UnsafeRawPointer(wp + k * cout).loadUnaligned(as: V.self)
                                acc0 += V(repeating: ip[k]) * w
                                acc1 += V(repeating: ip[k + cin]) * w
                            }
                        } else {
                            for k in 0..<run { acc0 += V(repeating: ip[k]) * UnsafeRawPointer(wp + k * cout).loadUnaligned(as: V.self) }
                        }
                    }
                    UnsafeMutableRawPointer(out + g).storeBytes(of: acc0, as: V.self)
                    if pair { UnsafeMutableRawPointer(out + cout + g).storeBytes(of: acc1, as: V.self) }
                }
                x += 2
            }
        }
    }

    /// Accumulates the parameter gradients, only over the `active`×`active` top-left outputs
    /// (outside them the output gradient is zero: the pool that follows drops them):
    ///   dWeight[dy][dx][ci][co] += Σ_y Σ_x input[y+dy][x+dx][ci] · dOutput[y][x][co]
    ///   dBias[co]               += Σ_y Σ_x dOutput[y][x][co]
    static func backwardParameters(dWeight: UnsafeMutablePointer<Float>, dBias: UnsafeMutablePointer<Float>,
                                   dOutput: UnsafePointer<Float>, input: UnsafePointer<Float>,
                                   side s: Int, active: Int, cin: Int, cout: Int) {
        if cout % 16 == 0 {
            backwardParameters(SIMD16<Float>.self, dWeight: dWeight, dBias: dBias, dOutput: dOutput, input: input,
                               side: s, active: active, cin: cin, cout: cout)
        } else {
            backwardParameters(SIMD8<Float>.self, dWeight: dWeight, dBias: dBias, dOutput: dOutput, input: input,
                               side: s, active: active, cin: cin, cout: cout)
        }
    }

    @inline(__always)
    private static func backwardParameters<V: SIMD>(_: V.Type, dWeight: UnsafeMutablePointer<Float>, dBias: UnsafeMutablePointer<Float>,
                                                    dOutput: UnsafePointer<Float>, input: UnsafePointer<Float>,
                                                    side s: Int, active: Int, cin: Int, cout: Int) where V.Scalar == Float {
        let o = s - 2, run = 3 * cin
        // Each weight's gradient is a sum over the outputs, kept in registers: two weights at a
        // time share every output-gradient vector loaded.
        for g in stride(from: 0, to: cout, by: V.scalarCount) {
            var biasSum = V()
            for y in 0..<active {
                for x in 0..<active { biasSum += UnsafeRawPointer(dOutput + (y * o + x) * cout + g).loadUnaligned(as: V.self) }
            }
            UnsafeMutableRawPointer(dBias + g).storeBytes(of: UnsafeRawPointer(dBias + g).loadUnaligned(as: V.self) + biasSum, as: V.self)
            for dy in 0..<3 {
                var k = 0
                while k < run {
                    let pair = k + 1 < run
                    var acc0 = V(), acc1 = V()
                    for y in 0..<active {
                        let ip = input + ((y + dy) * s) * cin + k
                        let dp = dOutput + y * o * cout + g
                        for x in 0..<active {
                            let d: V = UnsafeRawPointer(dp + x * cout).loadUnaligned(as: V.self)
                            acc0 += V(repeating: ip[x * cin]) * d
                            if pair { acc1 += V(repeating: ip[x * cin + 1]) * d }
                        }
                    }
                    let w0 = dWeight + (dy * run + k) * cout + g
                    UnsafeMutableRawPointer(w0).storeBytes(of: UnsafeRawPointer(w0).loadUnaligned(as: V.self) + acc0, as: V.self)
                    if pair { UnsafeMutableRawPointer(w0 + cout).storeBytes(of: UnsafeRawPointer(w0 + cout).loadUnaligned(as: V.self) + acc1, as: V.self) }
                    k += 2
                }
            }
        }
    }

    /// Both gradients at once for a sparse output gradient, visiting only its nonzero entries:
    /// after a max pool at most one in four is nonzero, so this does a quarter of the dense
    /// passes' work. The weight gradient is accumulated transposed, [3][3][cout][cin], so that
    /// every step runs over input channels (cin a multiple of 8); `addTransposed` folds it back.
    ///   dWeightT[dy][dx][co][ci] += Σ_y Σ_x dOutput[y][x][co] · input[y+dy][x+dx][ci]
    ///   dBias[co]                += Σ_y Σ_x dOutput[y][x][co]
    ///   dInput[y+dy][x+dx][ci]   += Σ_co dOutput[y][x][co] · weightT[dy][dx][co][ci]
    static func backwardSparse(dWeightT: UnsafeMutablePointer<Float>, dBias: UnsafeMutablePointer<Float>,
                               dInput: UnsafeMutablePointer<Float>, dOutput: UnsafePointer<Float>,
                               input: UnsafePointer<Float>, weightT: UnsafePointer<Float>,
                               side s: Int, active: Int, cin: Int, cout: Int) {
        typealias V = SIMD8<Float>
        let o = s - 2
        for y in 0..<active {
            for x in 0..<active {
                let dp = dOutput + (y * o + x) * cout
                for co in 0..<cout where dp[co] != 0 {
                    let d = dp[co], vd = V(repeating: d)
                    dBias[co] += d
                    for dy in 0..<3 {
                        for dx in 0..<3 {
                            let at = ((y + dy) * s + x + dx) * cin, tap = ((dy * 3 + dx) * cout + co) * cin
                            for g in stride(from: 0, to: cin, by: 8) {
                                let i = UnsafeRawPointer(input + at + g).loadUnaligned(as: V.self)
                                let w = UnsafeRawPointer(weightT + tap + g).loadUnaligned(as: V.self)
                                let gw = dWeightT + tap + g, gi = dInput + at + g
                                UnsafeMutableRawPointer(gw).storeBytes(of: UnsafeRawPointer(gw).loadUnaligned(as: V.self) + vd * i, as: V.self)
                                UnsafeMutableRawPointer(gi).storeBytes(of: UnsafeRawPointer(gi).loadUnaligned(as: V.self) + vd * w, as: V.self)
                            }
                        }
                    }
                }
            }
        }
    }

    /// weight [3][3][cin][cout] += weightT [3][3][cout][cin] transposed, then weightT is zeroed.
    static func addTransposed(_ weightT: UnsafeMutablePointer<Float>, into weight: UnsafeMutablePointer<Float>, cin: Int, cout: Int) {
        for tap in 0..<9 {
            let w = weight + tap * cin * cout, t = weightT + tap * cin * cout
            for ci in 0..<cin {
                for co in 0..<cout { w[ci * cout + co] += t[co * cin + ci] }
            }
        }
        weightT.update(repeating: 0, count: 9 * cin * cout)
    }

    /// weight [3][3][cin][cout] → weightT [3][3][cout][cin], for `backwardSparse`.
    static func transpose(_ weight: UnsafePointer<Float>, into weightT: UnsafeMutablePointer<Float>, cin: Int, cout: Int) {
        for tap in 0..<9 {
            let w = weight + tap * cin * cout, t = weightT + tap * cin * cout
            for ci in 0..<cin {
                for co in 0..<cout { t[co * cin + ci] = w[ci * cout + co] }
            }
        }
    }
}
