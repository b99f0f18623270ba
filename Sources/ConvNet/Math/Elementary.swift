/// `exp` and `log` in plain Swift: the standard library has neither without Foundation or the
/// C library, and ConvNet uses neither. Both are accurate to a few units in the last place of a
/// `Double`, far finer than the `Float` numbers the network computes with.
public enum Elementary {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458

    /// e^x. Reduced to e^r · 2^k with |r| ≤ ln2/2, then a Taylor series of 14 terms for e^r,
    /// whose remainder is below 2^-60 on that range.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745.2 { return 0 }
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0, sum = 1.0
        for n in 1...14 {
            term *= r / Double(n)
            sum += term
        }
        return scaled(sum, byPowerOfTwo: Int(k))
    }

    /// The natural logarithm; NaN below 0, −∞ at 0, +∞ at +∞.
    /// x = m · 2^e with m in [√½, √2), then log m = 2·atanh(s) with s = (m − 1)/(m + 1),
    /// |s| < 0.172, whose odd series is summed until the terms no longer change the sum.
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        var m = x.significand                       // in [1, 2) for normal and subnormal x
        var e = Double(x.exponent)
        if m > 2.0.squareRoot() {
            m /= 2
            e += 1
        }
        let s = (m - 1) / (m + 1), s2 = s * s
        var power = s, sum = 0.0
        var n = 1.0
        while true {
            let next = sum + power / n
            if next == sum { break }
            sum = next
            power *= s2
            n += 2
        }
        return 2 * sum + e * ln2
    }

    /// x · 2^k, in steps that cannot overflow the exponent on the way.
    static func scaled(_ x: Double, byPowerOfTwo k: Int) -> Double {
        var v = x, k = k
        while k > 1000 { v *= 0x1p1000; k -= 1000 }
        while k < -1000 { v *= 0x1p-1000; k += 1000 }
        return v * Double(sign: .plus, exponent: k, significand: 1)
    }
}
