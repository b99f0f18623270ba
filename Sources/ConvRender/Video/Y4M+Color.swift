/// RGB to BT.709 limited-range Y′CbCr in 8 bits, in fixed point.
///
/// With R, G, B in 0…255 and Y′ = 0.2126 R + 0.7152 G + 0.0722 B:
///
///     Y  = 16  + 219/255 · Y′
///     Cb = 128 + 224/255 · (B − Y′) / 1.8556
///     Cr = 128 + 224/255 · (R − Y′) / 1.5748
///
/// each rounded to the nearest integer. The coefficients are kept in 16 fractional bits; the
/// green ones are derived from the others so that any gray gives exactly Cb = Cr = 128 and white
/// exactly Y = 235. Chroma takes the sum of a 2×2 block of pixels (the average, times 4).
///
/// The coefficients are written out as numbers (the tests recompute them from the formulas):
/// the compiler can then see that they fit in 16 bits and multiply with 16-bit vector
/// instructions, which is most of the difference between 2× and 4× real time at 1080p.
extension Y4M {
    static let shift = 16
    static let one = 1 << shift

    static let lumaScale = 219.0 / 255
    static let chromaScale = 224.0 / 255
    static let kr = 0.2126, kg = 0.7152, kb = 0.0722

    /// round(219/255 · 0.2126 · 2¹⁶), round(219/255 · 0.0722 · 2¹⁶), and green makes the sum round(219/255 · 2¹⁶).
    static let yR = 11966, yG = 40254, yB = 4064
    /// round(−224/255 · 0.2126/1.8556 · 2¹⁶), round(224/255 · 0.9278/1.8556 · 2¹⁶), green the negated sum.
    static let cbR = -6596, cbG = -22188, cbB = 28784
    /// round(224/255 · 0.7874/1.5748 · 2¹⁶), round(−224/255 · 0.0722/1.5748 · 2¹⁶), green the negated sum.
    static let crR = 28784, crG = -26145, crB = -2639

    /// Offset and rounding for luma: 16, plus one half.
    static let lumaBias = (16 << shift) + (one >> 1)
    /// Offset and rounding for chroma from a 2×2 sum (two more fractional bits): 128, plus one half.
    static let chromaBias = (128 << (shift + 2)) + (one << 1)

    /// Luma of one pixel, 16…235.
    @inline(__always)
    public static func luma(r: Int, g: Int, b: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: (yR * r + yG * g + yB * b + lumaBias) >> shift)
    }

    /// Cb and Cr of a 2×2 block from the sums of its four pixels' R, G and B (each 0…1020), 16…240.
    @inline(__always)
    public static func chroma(rSum: Int, gSum: Int, bSum: Int) -> (cb: UInt8, cr: UInt8) {
        let cb = (cbR * rSum + cbG * gSum + cbB * bSum + chromaBias) >> (shift + 2)
        let cr = (crR * rSum + crG * gSum + crB * bSum + chromaBias) >> (shift + 2)
        return (UInt8(truncatingIfNeeded: cb), UInt8(truncatingIfNeeded: cr))
    }

    /// Cb and Cr of a single pixel (a block of four equal ones).
    public static func chroma(r: Int, g: Int, b: Int) -> (cb: UInt8, cr: UInt8) {
        chroma(rSum: 4 * r, gSum: 4 * g, bSum: 4 * b)
    }

    /// Converts `width`×`height` pixels of `0xAARRGGBB` words (cairo's RGB24 and ARGB32 in memory;
    /// alpha is ignored, the frame is opaque) into the three planes. `rowBytes` is the source
    /// stride; the planes are packed: Y `width` bytes a row, U and V `width / 2`. Width and height
    /// must be even.
    ///
    /// Sixteen pixels of two rows at a time go through SIMD vectors (this is most of `record`'s
    /// time at 1080p); the rest of a row, if any, goes pair by pair. Both give the same bytes.
    public static func convert(pixels: UnsafeRawPointer, rowBytes: Int, width: Int, height: Int,
                               y: UnsafeMutablePointer<UInt8>, u: UnsafeMutablePointer<UInt8>,
                               v: UnsafeMutablePointer<UInt8>) {
        precondition(width % 2 == 0 && height % 2 == 0, "4:2:0 needs an even size")
        let halfWidth = width / 2
        let wide = width - width % 16
        for row in 0..<(height / 2) {
            let top = pixels + 2 * row * rowBytes, bottom = top + rowBytes
            let yTop = y + 2 * row * width, yBottom = yTop + width
            let uRow = u + row * halfWidth, vRow = v + row * halfWidth
            var x = 0
            while x < wide {
                convert16(top + 4 * x, bottom + 4 * x, yTop + x, yBottom + x, uRow + x / 2, vRow + x / 2)
                x += 16
            }
            while x < width {
                convertPair(top.assumingMemoryBound(to: UInt32.self) + x, bottom.assumingMemoryBound(to: UInt32.self) + x,
                            yTop + x, yBottom + x, uRow + x / 2, vRow + x / 2)
                x += 2
            }
        }
    }

    /// One 2×2 block: four lumas, one Cb and one Cr.
    @inline(__always)
    static func convertPair(_ top: UnsafePointer<UInt32>, _ bottom: UnsafePointer<UInt32>,
                            _ yTop: UnsafeMutablePointer<UInt8>, _ yBottom: UnsafeMutablePointer<UInt8>,
                            _ u: UnsafeMutablePointer<UInt8>, _ v: UnsafeMutablePointer<UInt8>) {
        let a = top[0], b = top[1], c = bottom[0], d = bottom[1]
        func lumaOf(_ p: UInt32) -> UInt8 {
            luma(r: Int((p >> 16) & 0xFF), g: Int((p >> 8) & 0xFF), b: Int(p & 0xFF))
        }
        yTop[0] = lumaOf(a)
        yTop[1] = lumaOf(b)
        yBottom[0] = lumaOf(c)
        yBottom[1] = lumaOf(d)
        func sum(_ shift: UInt32) -> Int {
            let ab: UInt32 = ((a >> shift) & 0xFF) + ((b >> shift) & 0xFF)
            let cd: UInt32 = ((c >> shift) & 0xFF) + ((d >> shift) & 0xFF)
            return Int(ab + cd)
        }
        let (cb, cr) = chroma(rSum: sum(16), gSum: sum(8), bSum: sum(0))
        u[0] = cb
        v[0] = cr
    }

    /// Sixteen pixels of two rows: 32 lumas, 8 Cb and 8 Cr. Luma fits in unsigned 32-bit lanes;
    /// chroma, with its negative coefficients, in signed ones (|sum| < 2^27).
    @inline(__always)
    static func convert16(_ top: UnsafeRawPointer, _ bottom: UnsafeRawPointer,
                          _ yTop: UnsafeMutablePointer<UInt8>, _ yBottom: UnsafeMutablePointer<UInt8>,
                          _ u: UnsafeMutablePointer<UInt8>, _ v: UnsafeMutablePointer<UInt8>) {
        let t = top.loadUnaligned(as: SIMD16<UInt32>.self), b = bottom.loadUnaligned(as: SIMD16<UInt32>.self)
        UnsafeMutableRawPointer(yTop).storeBytes(of: luma16(t), as: SIMD16<UInt8>.self)
        UnsafeMutableRawPointer(yBottom).storeBytes(of: luma16(b), as: SIMD16<UInt8>.self)

        // Channel sums of each 2×2 block: R and B side by side in one word (10 bits each, 16 apart).
        typealias Wide = SIMD16<UInt32>
        let low8 = Wide(repeating: 0xFF), rbMask = Wide(repeating: 0xFF_00FF)
        let rbRows = (t & rbMask) &+ (b & rbMask), gRows = ((t &>> 8) & low8) &+ ((b &>> 8) & low8)
        let rb = rbRows.evenHalf &+ rbRows.oddHalf, g = SIMD8<Int32>(truncatingIfNeeded: gRows.evenHalf &+ gRows.oddHalf)
        let r = SIMD8<Int32>(truncatingIfNeeded: rb &>> 16), bl = SIMD8<Int32>(truncatingIfNeeded: rb & 0xFFFF)
        let cBias = Int32(chromaBias), cShift = Int32(shift + 2)
        let cbRG: SIMD8<Int32> = r &* Int32(cbR) &+ g &* Int32(cbG), crRG: SIMD8<Int32> = r &* Int32(crR) &+ g &* Int32(crG)
        let cb = (cbRG &+ bl &* Int32(cbB) &+ cBias) &>> cShift, cr = (crRG &+ bl &* Int32(crB) &+ cBias) &>> cShift
        UnsafeMutableRawPointer(u).storeBytes(of: SIMD8<UInt8>(truncatingIfNeeded: cb), as: SIMD8<UInt8>.self)
        UnsafeMutableRawPointer(v).storeBytes(of: SIMD8<UInt8>(truncatingIfNeeded: cr), as: SIMD8<UInt8>.self)
    }

    /// Luma of sixteen pixels; every product and sum fits in 32 bits unsigned.
    @inline(__always)
    static func luma16(_ p: SIMD16<UInt32>) -> SIMD16<UInt8> {
        let low8 = SIMD16<UInt32>(repeating: 0xFF)
        let red = ((p &>> 16) & low8) &* UInt32(yR), green = ((p &>> 8) & low8) &* UInt32(yG)
        let blue = (p & low8) &* UInt32(yB)
        let sum = red &+ green &+ blue &+ UInt32(lumaBias)
        return SIMD16<UInt8>(truncatingIfNeeded: sum &>> UInt32(shift))
    }
}
