import ConvModel

/// Checks of option values that several commands share, each failing with a `CLIError` that
/// names the option: a value out of range is said, never clamped in silence.
enum OptionChecks {
    /// `--max-size`: a side from 1 to the longest an image may have.
    static func maxSize(_ m: Int?) throws {
        guard let m else { return }
        guard m >= 1 else { throw CLIError("--max-size must be 1 or more (got \(m))") }
        try Limits.check("--max-size", m, atMost: Limits.imageSide)
    }

    /// `--speed`: positions per second within the clock's range.
    static func speed(_ s: Double) throws {
        guard s.isFinite, (Clock.minSpeed...Clock.maxSpeed).contains(s) else {
            throw CLIError("--speed must be between \(Clock.minSpeed) and \(Int(Clock.maxSpeed)) positions a second (got \(s))")
        }
    }
}
