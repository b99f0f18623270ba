/// An empty (black) input to paint on, from a spec such as `blank:24x24`.
///
///     try BlankCanvas.parse("blank:32x16")   // a 32 wide, 16 high black image named "blank:32x16"
///     try BlankCanvas.parse("face")          // nil: not a blank-canvas spec
///     try BlankCanvas.parse("blank:0x5")     // throws BlankCanvasError.badSize
public enum BlankCanvas {
    public static let prefix = "blank:"
    /// The largest side a blank canvas may have.
    public static let maxSide = 512

    /// The canvas a `blank:WxH` spec asks for, or nil when the spec does not start with `blank:`.
    /// W and H are whole numbers 1–512, separated by `x` (or `×`).
    public static func parse(_ spec: String) throws -> NamedImage? {
        guard spec.hasPrefix(prefix) else { return nil }
        let size = spec.dropFirst(prefix.count)
        let parts = size.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "x" || $0 == "X" || $0 == "×" })
        guard parts.count == 2 else { throw BlankCanvasError.badSize(spec, reason: "give the size as WxH, e.g. blank:24x24") }
        let sides = try parts.map { part -> Int in
            let t = String(part)
            guard !t.isEmpty, t.allSatisfy({ ("0"..."9").contains($0) }) else {
                throw BlankCanvasError.badSize(spec, reason: "'\(t)' is not a whole number")
            }
            guard let n = Int(t), n <= maxSide else {
                throw BlankCanvasError.badSize(spec, reason: "\(t) is more than the largest side, \(maxSide)")
            }
            guard n >= 1 else { throw BlankCanvasError.badSize(spec, reason: "a side of 0 leaves nothing to paint") }
            return n
        }
        return NamedImage(name: "\(prefix)\(sides[0])x\(sides[1])", grid: Grid(width: sides[0], height: sides[1]))
    }
}

/// Why a `blank:WxH` spec does not give a canvas.
public enum BlankCanvasError: Error, Equatable, CustomStringConvertible {
    case badSize(String, reason: String)

    public var description: String {
        switch self {
        case let .badSize(spec, reason):
            return "blank canvas \"\(spec.singleLine)\": \(reason.singleLine)"
        }
    }
}
