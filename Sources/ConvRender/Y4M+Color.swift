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
extension Y4M {
    static let shift = 16
    static let one = 1 << shift

    static func fixed(_ x: Double) -> Int { Int((x * Double(one)).rounded()) }

    static let lumaScale = 219.0 / 255
    static let chromaScale = 224.0 / 255
    static let kr = 0.2126, kg = 0.7152, kb = 0.0722

    static let yR = fixed(lumaScale * kr)
    static let yB = fixed(lumaScale * kb)
    static let yG = fixed(lumaScale) - yR - yB

    static let cbR = fixed(-chromaScale * kr / 1.8556)
    static let cbB = fixed(chromaScale * (1 - kb) / 1.8556)
    static let cbG = -cbR - cbB

    static let crR = fixed(chromaScale * (1 - kr) / 1.5748)
    static let crB = fixed(-chromaScale * kb / 1.5748)
    static let crG = -crR - crB

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
    public static func convert(pixels: UnsafeRawPointer, rowBytes: Int, width: Int, height: Int,
                               y: UnsafeMutablePointer<UInt8>, u: UnsafeMutablePointer<UInt8>,
                               v: UnsafeMutablePointer<UInt8>) {
        precondition(width % 2 == 0 && height % 2 == 0, "4:2:0 needs an even size")
        let halfWidth = width / 2
        let (yR, yG, yB, lumaBias) = (Y4M.yR, Y4M.yG, Y4M.yB, Y4M.lumaBias)
        let (cbR, cbG, cbB, crR, crG, crB, chromaBias) = (Y4M.cbR, Y4M.cbG, Y4M.cbB, Y4M.crR, Y4M.crG, Y4M.crB, Y4M.chromaBias)
        @inline(__always) func lumaOf(_ p: UInt32) -> UInt8 {
            let r = Int((p >> 16) & 0xFF), g = Int((p >> 8) & 0xFF), b = Int(p & 0xFF)
            return UInt8(truncatingIfNeeded: (yR &* r &+ yG &* g &+ yB &* b &+ lumaBias) >> shift)
        }
        for row in 0..<(height / 2) {
            let top = (pixels + 2 * row * rowBytes).assumingMemoryBound(to: UInt32.self)
            let bottom = (pixels + (2 * row + 1) * rowBytes).assumingMemoryBound(to: UInt32.self)
            let yTop = y + 2 * row * width, yBottom = yTop + width
            let uRow = u + row * halfWidth, vRow = v + row * halfWidth
            for col in 0..<halfWidth {
                let x = 2 * col
                let a = top[x], b = top[x + 1], c = bottom[x], d = bottom[x + 1]
                yTop[x] = lumaOf(a)
                yTop[x + 1] = lumaOf(b)
                yBottom[x] = lumaOf(c)
                yBottom[x + 1] = lumaOf(d)
                // Sum the four pixels' channels in parallel: each channel sum fits in 10 bits, so
                // R and B share one word 16 bits apart and G the other.
                let rbMask: UInt32 = 0xFF_00FF, gMask: UInt32 = 0xFF00
                let rbTop = (a & rbMask) &+ (b & rbMask), rbBottom = (c & rbMask) &+ (d & rbMask)
                let gTop = (a & gMask) &+ (b & gMask), gBottom = (c & gMask) &+ (d & gMask)
                let rb = Int(rbTop &+ rbBottom), g = Int((gTop &+ gBottom) >> 8)
                let r = rb >> 16, bl = rb & 0xFFFF
                uRow[col] = UInt8(truncatingIfNeeded: (cbR &* r &+ cbG &* g &+ cbB &* bl &+ chromaBias) >> (shift + 2))
                vRow[col] = UInt8(truncatingIfNeeded: (crR &* r &+ crG &* g &+ crB &* bl &+ chromaBias) >> (shift + 2))
            }
        }
    }
}
