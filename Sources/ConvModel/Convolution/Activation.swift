/// The nonlinearity and the downsampling that follow the convolution.
public enum Activation {
    @inlinable
    public static func relu(_ x: Float) -> Float { x > 0 ? x : 0 }

    /// ReLU of every value: max(0, x).
    public static func relu(_ map: Grid) -> Grid {
        var values = [Float](unsafeUninitializedCapacity: map.count) { _, n in n = map.count }
        relu(map.values, into: &values)
        return Grid(width: map.width, height: map.height, values: values)
    }

    /// Writes the ReLU of each of `values` (`relu(_:)`, eight at a time) into `out`, of the same count.
    static func relu(_ values: [Float], into out: inout [Float]) {
        precondition(values.count == out.count, "ReLU output of another size")
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                let n = src.count
                guard n > 0 else { return }
                let s = UnsafeRawPointer(src.baseAddress!), d = UnsafeMutableRawPointer(dst.baseAddress!)
                let stride = MemoryLayout<Float>.stride
                var i = 0
                while i + 8 <= n {
                    let x = s.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
                    // x > 0 ? x : 0, lane by lane: NaN and −0 become 0, as `relu(_:)`.
                    d.storeBytes(of: SIMD8<Float>.zero.replacing(with: x, where: x .> 0), toByteOffset: i * stride, as: SIMD8<Float>.self)
                    i += 8
                }
                while i < n {
                    dst[i] = relu(src[i])
                    i += 1
                }
            }
        }
    }
}

public enum Pooling {
    /// 2×2 pooling with stride 2; an odd last row or column is dropped (floor).
    public static func apply(_ map: Grid, mode: PoolMode) -> Grid {
        let pw = map.width / 2, ph = map.height / 2
        var out = Grid(width: pw, height: ph)
        map.values.withUnsafeBufferPointer { mp in
            out.values.withUnsafeMutableBufferPointer { op in
                for r in 0..<ph {
                    let a = mp.baseAddress! + 2 * r * map.width, b = a + map.width
                    for c in 0..<pw {
                        let x0 = a[2 * c], x1 = a[2 * c + 1], y0 = b[2 * c], y1 = b[2 * c + 1]
                        switch mode {
                        case .max: op[r * pw + c] = Swift.max(Swift.max(x0, x1), Swift.max(y0, y1))
                        case .avg: op[r * pw + c] = (x0 + x1 + y0 + y1) * 0.25
                        }
                    }
                }
            }
        }
        return out
    }
}
