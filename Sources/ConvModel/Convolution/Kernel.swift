/// A square convolution kernel of odd size 1–7 with a name and a human label.
public struct Kernel: Equatable, Sendable {
    /// The largest side a kernel may have.
    public static let maxSize = 7

    /// Short name used on the command line (`edge_v`), or `custom`.
    public let name: String
    /// What a person reads on screen (`vertical edges`).
    public let label: String
    /// Side length (odd, 1–7).
    public let size: Int
    /// Row-major weights, top row first.
    public let weights: [Float]

    public init(name: String, label: String, size: Int, weights: [Float]) {
        precondition(size >= 1 && size % 2 == 1 && weights.count == size * size, "bad kernel shape")
        self.name = name
        self.label = label
        self.size = size
        self.weights = weights
    }

    public subscript(row: Int, col: Int) -> Float { weights[row * size + col] }

    public var rows: [[Float]] {
        (0..<size).map { r in Array(weights[r * size ..< (r + 1) * size]) }
    }

    /// The kernel turned by 180°: what true (flipped) convolution applies.
    public var flipped: Kernel {
        Kernel(name: name, label: label, size: size, weights: weights.reversed())
    }

    /// The kernel as text in the form the command line reads: `a,b,c;d,e,f;g,h,i`.
    public var text: String {
        rows.map { $0.map(Kernel.format).joined(separator: ",") }.joined(separator: ";")
    }

    /// Shortest decimal form that reads back to the same weight (`1`, `-0.5`, `0.1111111`).
    static func format(_ w: Float) -> String {
        if w == w.rounded(), abs(w) < 1e7 { return String(Int(w)) }
        return "\(w)"
    }
}
