/// SplitMix64 (Steele, Lea and Flood, 2014): a small seeded generator, so that the same seed
/// gives the same initial weights and the same epoch order on every run.
///
///     var rng = SeededGenerator(seed: 0)
///     let w = rng.normal()          // a draw from N(0, 1), by Box–Muller
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    /// Box–Muller makes normals in pairs; the second waits here for the next call.
    private var spareNormal: Double?

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in (0, 1]: 53 random bits, never 0.
    public mutating func unitInterval() -> Double {
        Double((next() >> 11) + 1) * 0x1p-53
    }

    /// A draw from the standard normal distribution: Marsaglia's polar form of Box–Muller, which
    /// needs only a logarithm and a square root; both values of each pair are used.
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * unitInterval() - 1, v = 2 * unitInterval() - 1
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            let factor = (-2 * Elementary.log(s) / s).squareRoot()
            spareNormal = v * factor
            return u * factor
        }
    }

    /// A uniform integer in 0..<bound, without modulo bias (Lemire's multiply-and-reject).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        while true {
            let m = next().multipliedFullWidth(by: b)
            if m.low >= (0 &- b) % b { return Int(m.high) }
        }
    }

    /// Fisher–Yates: every order of `items` equally likely, driven by this generator only.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }
}
