/// The largest sizes that input may ask for, in one place, so that no file, option, tour scene or
/// key press can make the program allocate past a stated budget or compute for minutes.
///
/// Every check is made before anything is allocated, with arithmetic that cannot overflow
/// (`Limits.product`), and fails with a `LimitError` whose one line names the value and the limit:
///
///     try Limits.check("dilation", 9_223_372_036_854_775_807, atMost: Limits.dilation)
///     // throws: "dilation 9223372036854775807 is more than the limit of 1024"
///
/// The same numbers apply on the command line, in tour files and in the window. README's
/// "Limits" section lists them.
public enum Limits {
    /// Pixels an input image may declare (4096 × 4096). Its gray grid takes 64 MB, the conv and
    /// ReLU maps as much again each; the window, which also keeps coloured images of the maps and
    /// the map worker's copy while it rebuilds them, stays within the 1 GB budget README states.
    public static let imagePixels = 1 << 24
    /// The longest side an input image may declare (cairo's own limit for an image surface).
    public static let imageSide = 32_767
    /// The largest stride: more than any allowed side, so every stride that leaves output is allowed.
    public static let stride = imageSide
    /// The largest dilation: wider taps than this fit no allowed image with a 3×3 kernel anyway
    /// once `same` padding (d·⌊k/2⌋ zeros on every side) is counted.
    public static let dilation = 1024
    /// Cells of the zero-padded input that `same` padding materialises (input plus padding).
    public static let paddedPixels = imagePixels
    /// Cells of the conv map: one scan position each.
    public static let outputPixels = imagePixels
    /// The longest side of a rendered frame or window (`--size`, `--geometry`).
    public static let frameSide = 16_384
    /// Pixels of a rendered frame: 4 bytes each in the back buffer, 256 MB at the limit.
    public static let framePixels = 1 << 26
    /// Frames one `record` may write (`--fps × --duration`): a day at 30 fps. Frames stream
    /// out one at a time, so this bounds the time, not the memory.
    public static let recordFrames = 30 * 86_400
    /// The longest a value is quoted in an error message before it is cut with `…`.
    public static let quotedCharacters = 40

    /// The most that the absolute weights and the bias of a kernel may add up to. With input
    /// values in [0, 1] no sum can then leave Float's range (about 3.4·10³⁸), so every map value
    /// is finite and `compute --json` is valid JSON.
    public static let absoluteWeightSum: Double = 1e30

    /// Throws when `Σ|w| + |bias|` is above `absoluteWeightSum`.
    public static func checkSums(weights: [Float], bias: Float) throws {
        let total = weights.reduce(Double(abs(bias))) { $0 + Double(abs($1)) }
        guard total <= absoluteWeightSum else {
            throw LimitError(what: "the sum of the kernel's absolute weights and bias,", value: "\(total)",
                             limit: absoluteWeightSum, unit: "(beyond it, a sum can overflow)")
        }
    }

    /// `a × b`, or nil when the product overflows `Int` or either factor is negative.
    public static func product(_ a: Int, _ b: Int) -> Int? {
        guard a >= 0, b >= 0 else { return nil }
        let (p, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : p
    }

    /// `a + b`, or nil on overflow.
    public static func sum(_ a: Int, _ b: Int) -> Int? {
        let (s, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : s
    }

    /// Throws when `value` is above `limit`.
    public static func check(_ what: String, _ value: Int, atMost limit: Int) throws {
        if value > limit { throw LimitError(what: what, value: String(value), limit: limit) }
    }

    /// Throws when `width × height` is above `limit` or overflows.
    public static func checkArea(_ what: String, width: Int, height: Int, atMost limit: Int) throws {
        guard let area = product(width, height), area <= limit else {
            throw LimitError(what: what, value: "\(width)×\(height)", limit: limit, unit: "pixels")
        }
    }

    /// `text` cut to `quotedCharacters` characters (then `…`) and made one line, for error messages
    /// that quote what the user gave: a 100 KB value does not become a 100 KB message.
    public static func quoted(_ text: some StringProtocol, atMost most: Int = quotedCharacters) -> String {
        let line = String(text).singleLine
        guard line.count > most else { return line }
        return String(line.prefix(most)) + "…"
    }

    /// Characters of a file path quoted in an error message: longer than other values, since a
    /// path is how the user finds the file, but still bounded.
    public static let quotedPathCharacters = 300

    /// The longest kernel text read: 7 rows of 7 weights with room for long decimals.
    public static let kernelTextCharacters = 4096
}

/// A size that input asked for is above its limit.
public struct LimitError: Error, Equatable, CustomStringConvertible {
    /// What was asked for, as the user knows it: `dilation`, `PNG image size`, `--size`.
    public let what: String
    /// The value as given (already cut short by `Limits.quoted` when it came from text).
    public let value: String
    /// The limit, as text (`1024`, `1e+30`).
    public let limit: String
    /// What the limit counts, when it is not plain: `pixels`.
    public let unit: String

    public init(what: String, value: String, limit: some CustomStringConvertible, unit: String = "") {
        self.what = what
        self.value = Limits.quoted(value)
        self.limit = limit.description
        self.unit = unit
    }

    public var description: String {
        "\(what) \(value) is more than the limit of \(limit)" + (unit.isEmpty ? "" : " " + unit)
    }
}
