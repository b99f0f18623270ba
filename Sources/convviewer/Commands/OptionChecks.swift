import ConvModel

/// Checks of option values that several commands share, each failing with a `CLIError` that
/// names the option: a value out of range is said, never clamped in silence.
enum OptionChecks {
    /// `--speed`: positions per second within the clock's range.
    static func speed(_ s: Double) throws {
        guard s.isFinite, (Clock.minSpeed...Clock.maxSpeed).contains(s) else {
            throw CLIError("--speed must be between \(Clock.minSpeed) and \(Int(Clock.maxSpeed)) positions a second (got \(s))")
        }
    }
}
