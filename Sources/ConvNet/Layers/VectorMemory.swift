/// Loads and stores of whole SIMD vectors from `Float` buffers. Unaligned forms: the buffers
/// hold channel-last maps whose rows start at any multiple of eight floats, and on current
/// processors an unaligned vector load costs the same as an aligned one.
@inlinable @inline(__always)
func loadVector<V: SIMD>(_ p: UnsafePointer<Float>, as _: V.Type = V.self) -> V where V.Scalar == Float {
    UnsafeRawPointer(p).loadUnaligned(as: V.self)
}

@inlinable @inline(__always)
func loadVector<V: SIMD>(_ p: UnsafeMutablePointer<Float>, as _: V.Type = V.self) -> V where V.Scalar == Float {
    UnsafeRawPointer(p).loadUnaligned(as: V.self)
}

@inlinable @inline(__always)
func storeVector<V: SIMD>(_ v: V, _ p: UnsafeMutablePointer<Float>) where V.Scalar == Float {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
}
