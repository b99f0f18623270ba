/// Editing the kernel by hand: the selected weight, and the number being typed for it.
///
///     state.update(.selectWeight(row: 1, col: 1))
///     state.update(.nudgeWeight(steps: 1, coarse: false))   // +0.1
///     state.update(.typeWeightCharacter("-"))
///     state.update(.typeWeightCharacter("2"))
///     state.update(.commitTypedWeight)                       // the centre weight is now -2
///     state.kernel.name                                      // "custom"
///
/// Every edit turns the filter into a custom kernel named `custom` whose label is its text form.
public struct KernelEditor: Equatable, Sendable {
    /// One wheel step or ↑/↓ press.
    public static let fineStep = 0.1
    /// The same with Shift.
    public static let coarseStep = 1.0
    /// Nudged weights are rounded to this many decimals, so steps of 0.1 never pile up binary noise.
    public static let decimals = 4
    /// Largest magnitude a weight may be given by hand.
    public static let maxMagnitude: Float = 1000
    /// Longest number that may be typed.
    public static let maxTypedLength = 12
    /// The sizes `k` walks, in order.
    public static let sizeCycle = [3, 5, 7, 1]

    /// The weight being edited (row and column in the kernel), or nil.
    public var selected: GridCell?
    /// What has been typed for the selected weight since it was selected or last set; "" for nothing.
    public var typed: String = ""
    /// Enter found `typed` not to be a usable number: it stays on show, marked, and the next
    /// character typed replaces it.
    public var typedIsInvalid = false

    public init(selected: GridCell? = nil, typed: String = "") {
        self.selected = selected
        self.typed = typed
    }

    /// The characters a typed weight may hold.
    public static func isTypable(_ c: Character) -> Bool {
        c == "-" || c == "." || ("0"..."9").contains(c)
    }

    /// The next size after `n` in 3 → 5 → 7 → 1 → 3; sizes not in the cycle go to 3.
    public static func nextSize(after n: Int) -> Int {
        guard let i = sizeCycle.firstIndex(of: n) else { return sizeCycle[0] }
        return sizeCycle[(i + 1) % sizeCycle.count]
    }

    /// `w + delta` rounded to `decimals` places and kept within ±`maxMagnitude`. Worked in Double
    /// and rounded in decimal, so ten steps of +0.1 from 0 give exactly 1 and 0.1 + 0.2 gives the
    /// Float nearest to 0.3.
    public static func nudged(_ w: Float, by delta: Double) -> Float {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let v = ((Double(w) + delta) * scale).rounded() / scale
        let limit = Double(maxMagnitude)
        // + 0 turns a rounded −0 into 0, so the text form never shows "-0".
        return Float(min(max(v, -limit), limit)) + 0
    }

    /// Drops a selection that does not fit a kernel of side `size` (and what was typed for it).
    mutating func fit(kernelSize size: Int) {
        if let s = selected, !(0..<size).contains(s.row) || !(0..<size).contains(s.col) {
            self = KernelEditor()
        }
    }
}

/// Why a typed weight was not applied.
public enum WeightEntryError: Error, Equatable, CustomStringConvertible {
    case notANumber(String)
    case outOfRange(String)

    public var description: String {
        switch self {
        case let .notANumber(t):
            return "'\(t.singleLine)' is not a number: type digits, an optional '-' and '.', then Enter"
        case let .outOfRange(t):
            return "weight \(t.singleLine) is too large: keep it within ±\(Int(KernelEditor.maxMagnitude))"
        }
    }

    /// The weight `text` stands for.
    public static func parse(_ text: String) throws -> Float {
        guard let v = Float(text), !v.isNaN else { throw notANumber(text) }
        guard v.isFinite, abs(v) <= KernelEditor.maxMagnitude else { throw outOfRange(text) }
        return v + 0
    }
}

extension Kernel {
    /// A kernel typed or edited by hand: named `custom`, labelled with its text form.
    public static func custom(size: Int, weights: [Float]) -> Kernel {
        let k = Kernel(name: "custom", label: "custom", size: size, weights: weights)
        return Kernel(name: "custom", label: k.text, size: size, weights: weights)
    }

    /// A custom kernel with weight (row, col) replaced by `value`.
    public func setting(row: Int, col: Int, to value: Float) -> Kernel {
        var w = weights
        w[row * size + col] = value
        return .custom(size: size, weights: w)
    }

    /// A custom kernel of side `n` with the same centre: a larger one is this kernel framed by
    /// zeros, a smaller one its middle `n × n` weights.
    public func resized(to n: Int) -> Kernel {
        let off = (size - n) / 2
        var w = [Float](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                let si = i + off, sj = j + off
                if (0..<size).contains(si), (0..<size).contains(sj) { w[i * n + j] = self[si, sj] }
            }
        }
        return .custom(size: n, weights: w)
    }
}
