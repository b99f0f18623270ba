/// ReLU then 2×2 max pool, stride 2, on a channel-last map, fused: max(0, ·) and max commute,
/// so the pool of the ReLU map is max(0, max of the block).
///
/// Shapes (p = ⌊s/2⌋; an odd last row and column are dropped):
///   input [s][s][c] (the conv output, before ReLU)     output [p][p][c]
enum ReLUMaxPool {
    /// output[y][x][c] = max(0, input[2y][2x][c], input[2y][2x+1][c], input[2y+1][2x][c], input[2y+1][2x+1][c])
    static func forward(output: UnsafeMutablePointer<Float>, input: UnsafePointer<Float>, side s: Int, channels c: Int) {
        typealias V = SIMD8<Float>
        let p = s / 2
        for y in 0..<p {
            for x in 0..<p {
                let a = input + (2 * y * s + 2 * x) * c, b = a + s * c
                let out = output + (y * p + x) * c
                for g in stride(from: 0, to: c, by: 8) {
                    var m = V(repeating: 0)
                    for k in 0..<4 {
                        let v: V = UnsafeRawPointer((k < 2 ? a : b) + (k & 1) * c + g).loadUnaligned(as: V.self)
                        m.replace(with: v, where: v .> m)
                    }
                    UnsafeMutableRawPointer(out + g).storeBytes(of: m, as: V.self)
                }
            }
        }
    }

    /// dInput gets dOutput at the first maximum of each block in row-major order (PyTorch's
    /// rule) when that maximum is above 0, and 0 everywhere else: where the pooled value is 0
    /// the ReLU's slope is 0, so nothing flows back. Every element of dInput is written.
    static func backward(dInput: UnsafeMutablePointer<Float>, dOutput: UnsafePointer<Float>,
                         input: UnsafePointer<Float>, output: UnsafePointer<Float>, side s: Int, channels c: Int) {
        typealias V = SIMD8<Float>
        let p = s / 2
        dInput.update(repeating: 0, count: s * s * c)
        for y in 0..<p {
            for x in 0..<p {
                let pooled = output + (y * p + x) * c, d = dOutput + (y * p + x) * c
                for g in stride(from: 0, to: c, by: 8) {
                    let m: V = UnsafeRawPointer(pooled + g).loadUnaligned(as: V.self), grad: V = UnsafeRawPointer(d + g).loadUnaligned(as: V.self)
                    var open = m .> 0     // lanes still waiting for their first maximum
                    for k in 0..<4 {
                        let offset = ((2 * y + k / 2) * s + 2 * x + k % 2) * c
                        let hit = open .& (UnsafeRawPointer(input + offset + g).loadUnaligned(as: V.self) .== m)
                        UnsafeMutableRawPointer(dInput + offset + g).storeBytes(of: V(repeating: 0).replacing(with: grad, where: hit), as: V.self)
                        open = open .& .!hit
                    }
                }
            }
        }
    }
}
