/// A fully connected layer: the forward pass and its backward pass side by side.
///
/// Shapes: input [n]     weight [m][n]     bias [m]     output [m]     (n a multiple of 8)
enum Dense {
    /// output[j] = bias[j] + Σ_k weight[j][k] · input[k]
    static func forward(output: UnsafeMutablePointer<Float>, input: UnsafePointer<Float>,
                        weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, n: Int, m: Int) {
        typealias V = SIMD8<Float>
        for j in 0..<m {
            let row = weight + j * n
            var acc = V()
            for k in stride(from: 0, to: n, by: 8) {
                acc += UnsafeRawPointer(row + k).loadUnaligned(as: V.self) * UnsafeRawPointer(input + k).loadUnaligned(as: V.self)
            }
            output[j] = bias[j] + acc.sum()
        }
    }

    ///   dWeight[j][k] += dOutput[j] · input[k]     dBias[j] += dOutput[j]
    ///   dInput[k]      = Σ_j dOutput[j] · weight[j][k]     (overwritten)
    static func backward(dInput: UnsafeMutablePointer<Float>, dWeight: UnsafeMutablePointer<Float>,
                         dBias: UnsafeMutablePointer<Float>, dOutput: UnsafePointer<Float>,
                         input: UnsafePointer<Float>, weight: UnsafePointer<Float>, n: Int, m: Int) {
        typealias V = SIMD8<Float>
        dInput.update(repeating: 0, count: n)
        for j in 0..<m {
            let d = dOutput[j]
            dBias[j] += d
            let vd = V(repeating: d)
            let row = weight + j * n, dRow = dWeight + j * n
            for k in stride(from: 0, to: n, by: 8) {
                UnsafeMutableRawPointer(dRow + k).storeBytes(of: UnsafeRawPointer(dRow + k).loadUnaligned(as: V.self) + vd * UnsafeRawPointer(input + k).loadUnaligned(as: V.self), as: V.self)
                UnsafeMutableRawPointer(dInput + k).storeBytes(of: UnsafeRawPointer(dInput + k).loadUnaligned(as: V.self) + vd * UnsafeRawPointer(row + k).loadUnaligned(as: V.self), as: V.self)
            }
        }
    }
}
