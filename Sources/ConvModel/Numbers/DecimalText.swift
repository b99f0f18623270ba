/// How convviewer writes a number for people — one rule for the cells, the kernel, the patch,
/// the products, the written-out sum, the legend, the status line and `compute`'s text.
///
/// - Numbers shown together share a number of decimals: at least two, and more when a nonzero
///   value would otherwise read as `0` (`0.033`, `0.0004`), up to `maxDecimals`. A nonzero value
///   smaller than that is written in scientific form (`1.2e-5`); it never reads as `0`.
/// - Trailing zeros are dropped (`0.3`, `1`, `−2.75`), and a value that rounds to zero is `0`, never `−0`.
/// - The minus sign is U+2212 (`−`) in every `String`; the byte form (`write`) uses ASCII `-`,
///   which the cell renderer draws with the U+2212 glyph.
/// - A value too wide for its place is shortened, never dropped: fewer decimals while it still
///   reads as nonzero, then scientific form with two and then one significant digit (`−1e5`).
///
/// ```swift
/// let d = DecimalText.decimals(toShow: [0.11, 0.001])   // 3
/// DecimalText.fixed(-0.0004, decimals: 4)                // "−0.0004"
/// DecimalText.scientific(-123_456, significant: 1)       // "−1e5"
/// ```
public enum DecimalText {
    public static let minus = "\u{2212}"
    /// The most decimals a group gets; a nonzero value below half a unit here goes scientific.
    public static let maxDecimals = 6
    /// The fewest decimals a group gets (trailing zeros are dropped, so `1` stays `1`).
    public static let baseDecimals = 2

    /// `v` in units of 10^−decimals, rounded half away from zero; nil for a value that is not
    /// finite or too large to count in units at this precision.
    public static func units(_ v: Double, decimals: Int) -> Int64? {
        guard v.isFinite else { return nil }
        let scaled = (v * power(decimals)).rounded()
        guard abs(scaled) < 1e15 else { return nil }
        return Int64(scaled)
    }

    /// The fewest decimals, at least `atLeast`, at which every nonzero finite value reads as
    /// nonzero — capped at `maxDecimals` (smaller values are written in scientific form).
    public static func decimals<S: Sequence>(toShow values: S, atLeast: Int = baseDecimals) -> Int
    where S.Element == Float {
        var smallest = Double.infinity
        for v in values where v != 0 && v.isFinite { smallest = min(smallest, Double(abs(v))) }
        var d = max(0, atLeast)
        while d < maxDecimals, smallest.isFinite, units(smallest, decimals: d) == 0 { d += 1 }
        return d
    }

    /// True when `v` written at `decimals` places reads as what it is: zero only for zero.
    public static func readsTrue(_ v: Double, decimals: Int) -> Bool {
        guard let u = units(v, decimals: decimals) else { return false }
        return (u == 0) == (v == 0)
    }

    // MARK: strings

    /// `v` rounded to `decimals` places with trailing zeros dropped; U+2212 for minus. A nonzero
    /// value that would read as 0, or one too large to count, is written in scientific form.
    public static func fixed(_ v: Double, decimals: Int) -> String {
        var bytes: [UInt8] = []
        return string(write(v, .fixed(decimals), into: &bytes))
    }

    /// `v` as `m e x` with `significant` digits in the mantissa: `1.2e-5`, `−1e5`.
    public static func scientific(_ v: Double, significant: Int) -> String {
        var bytes: [UInt8] = []
        return string(write(v, .scientific(significant), into: &bytes))
    }

    /// One value on its own (the status line, a bias): its own group.
    public static func single(_ v: Float) -> String {
        fixed(Double(v), decimals: decimals(toShow: [v]))
    }

    /// Every value of a group at the group's decimals.
    public static func group(_ values: [Float], atLeast: Int = baseDecimals) -> [String] {
        let d = decimals(toShow: values, atLeast: atLeast)
        return values.map { fixed(Double($0), decimals: d) }
    }

    /// ASCII bytes to text, with the minus sign people read.
    public static func string(_ bytes: ArraySlice<UInt8>) -> String {
        // Made from UTF-8 in one go (the minus as its three bytes), not a scalar at a time.
        guard bytes.contains(UInt8(ascii: "-")) else { return String(decoding: bytes, as: UTF8.self) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + 2)
        for b in bytes {
            if b == UInt8(ascii: "-") { utf8 += [0xE2, 0x88, 0x92] } else { utf8.append(b) }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    // MARK: shortening

    /// A way of writing a value.
    public enum Form: Equatable, Sendable {
        case fixed(Int)
        case scientific(Int)
    }

    /// The forms to try for `v` in a place that may be too narrow, most precise first: the
    /// group's decimals, then fewer while `v` still reads true, then scientific with two and one
    /// significant digits. Every form reads as zero only for zero.
    public static func forms(for v: Double, decimals: Int) -> [Form] {
        guard v.isFinite else { return [] }
        var out: [Form] = []
        var d = decimals
        while d >= 0, readsTrue(v, decimals: d) {
            out.append(.fixed(d))
            d -= 1
        }
        if v != 0 { out += [.scientific(2), .scientific(1)] }
        return out
    }

    // MARK: bytes

    /// Writes `v` in `form` into `out` (cleared first) as ASCII (`-` for minus) and returns it.
    /// A fixed form that would hide a nonzero value, or cannot count it, becomes scientific.
    /// Not-finite values write nothing.
    @discardableResult
    public static func write(_ v: Double, _ form: Form, into out: inout [UInt8]) -> ArraySlice<UInt8> {
        out.removeAll(keepingCapacity: true)
        guard v.isFinite else { return out[...] }
        switch form {
        case .fixed(let d):
            guard let u = units(v, decimals: d), (u == 0) == (v == 0) else {
                return write(v, .scientific(2), into: &out)
            }
            appendFixed(u, decimals: d, to: &out)
        case .scientific(let s):
            guard v != 0 else { out.append(UInt8(ascii: "0")); return out[...] }
            let digits = max(1, s)
            let a = abs(v)
            var e = a.exponent10
            while a / power(e) >= 10 { e += 1 }
            while a / power(e) < 1 { e -= 1 }
            var m = (a / power(e) * power(digits - 1)).rounded()
            if m >= power(digits) { m /= 10; e += 1 }
            appendFixed(Int64(m) * (v < 0 ? -1 : 1), decimals: digits - 1, to: &out)
            out.append(UInt8(ascii: "e"))
            appendInteger(Int64(e), to: &out)
        }
        return out[...]
    }

    /// Signed units of 10^−decimals as decimal text, trailing zeros dropped.
    static func appendFixed(_ units: Int64, decimals: Int, to out: inout [UInt8]) {
        if units < 0 { out.append(UInt8(ascii: "-")) }
        var n = units.magnitude, places = decimals
        while places > 0 && n % 10 == 0 && n > 0 { n /= 10; places -= 1 }
        if n == 0 { places = 0 }
        let start = out.count
        var written = 0
        repeat {
            if places > 0 && written == places { out.append(UInt8(ascii: ".")) }
            out.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
            written += 1
        } while n > 0 || written <= places
        out[start...].reverse()
    }

    private static func appendInteger(_ v: Int64, to out: inout [UInt8]) {
        appendFixed(v, decimals: 0, to: &out)
    }

    /// 10^n for small n, exactly for n ≤ 22.
    static func power(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<abs(n) { p *= 10 }
        return n < 0 ? 1 / p : p
    }
}

extension Double {
    /// About ⌊log10 |self|⌋ for a finite nonzero value, by comparison rather than a libm call
    /// (ConvModel does without Foundation); `write` corrects it by one where powers round.
    var exponent10: Int {
        let a = abs(self)
        var e = 0
        if a >= 1 {
            while a >= DecimalText.power(e + 1) { e += 1 }
        } else {
            while a < DecimalText.power(e) { e -= 1 }
        }
        return e
    }
}

extension DecimalText {
    /// Texts for values read side by side, such as a legend's ticks: the group's decimals, more
    /// while two different values would read the same, then scientific form with more digits.
    /// Equal values get equal texts, so a caller shows one tick for them.
    public static func distinct(_ values: [Float]) -> [String] {
        func allDistinct(_ texts: [String]) -> Bool {
            for i in values.indices {
                for j in values.indices where j > i && values[i] != values[j] && texts[i] == texts[j] { return false }
            }
            return true
        }
        var d = decimals(toShow: values)
        while true {
            let texts = values.map { fixed(Double($0), decimals: d) }
            if allDistinct(texts) { return texts }
            if d >= maxDecimals { break }
            d += 1
        }
        for s in 2...9 {
            let texts = values.map { scientific(Double($0), significant: s) }
            if allDistinct(texts) || s == 9 { return texts }
        }
        return values.map { scientific(Double($0), significant: 9) }
    }
}
