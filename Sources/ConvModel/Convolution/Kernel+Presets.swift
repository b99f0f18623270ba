extension Kernel {
    /// The built-in filters, in the order the keys 1–9 and `f`/`F` walk them.
    public static let presets: [Kernel] = [
        Kernel(name: "identity", label: "identity", size: 3,
               weights: [0, 0, 0, 0, 1, 0, 0, 0, 0]),
        Kernel(name: "edge_v", label: "vertical edges", size: 3,
               weights: [-1, 0, 1, -1, 0, 1, -1, 0, 1]),
        Kernel(name: "edge_h", label: "horizontal edges", size: 3,
               weights: [-1, -1, -1, 0, 0, 0, 1, 1, 1]),
        Kernel(name: "sobel_x", label: "Sobel x", size: 3,
               weights: [-1, 0, 1, -2, 0, 2, -1, 0, 1]),
        Kernel(name: "sobel_y", label: "Sobel y", size: 3,
               weights: [-1, -2, -1, 0, 0, 0, 1, 2, 1]),
        Kernel(name: "blur", label: "box blur", size: 3,
               weights: [Float](repeating: 1.0 / 9.0, count: 9)),
        Kernel(name: "gaussian", label: "Gaussian blur", size: 3,
               weights: [1, 2, 1, 2, 4, 2, 1, 2, 1].map { $0 / 16 }),
        Kernel(name: "sharpen", label: "sharpen", size: 3,
               weights: [0, -1, 0, -1, 5, -1, 0, -1, 0]),
        Kernel(name: "outline", label: "outline (Laplacian)", size: 3,
               weights: [-1, -1, -1, -1, 8, -1, -1, -1, -1]),
        Kernel(name: "emboss", label: "emboss", size: 3,
               weights: [-2, -1, 0, -1, 1, 1, 0, 1, 2]),
    ]

    public static func preset(named name: String) -> Kernel? {
        presets.first { $0.name == name }
    }

    /// A preset by name, or a custom kernel from text such as `0,-1,0;-1,5,-1;0,-1,0`.
    public static func named(_ spec: String) throws -> Kernel {
        if let k = preset(named: spec) { return k }
        if spec.contains(",") || spec.contains(";") || Float(spec.trimmed) != nil
            || spec.split(whereSeparator: Kernel.isWeightSpace).allSatisfy({ Float($0) != nil }) && spec.contains(where: \.isNumber) {
            return try parse(spec)
        }
        throw KernelError.unknownName(spec, known: presets.map(\.name))
    }

    /// Spaces and tabs separate weights as commas do; a line break does not (it is a mistake).
    static func isWeightSpace(_ c: Character) -> Bool { c == " " || c == "\t" }

    /// Parses `a,b,c;d,e,f;g,h,i`: rows separated by `;`, weights by `,` or spaces (`1 2 1;…`),
    /// odd square sizes 1–7.
    public static func parse(_ text: String, name: String = "custom", label: String = "custom") throws -> Kernel {
        guard text.utf8.count <= Limits.kernelTextCharacters else {
            throw KernelError.unparsable(text, reason: "\(text.utf8.count) bytes is more than the limit of \(Limits.kernelTextCharacters)")
        }
        let rowTexts = text.split(separator: ";", omittingEmptySubsequences: false)
        var rows: [[Float]] = []
        for rowText in rowTexts {
            var row: [Float] = []
            for field in rowText.split(separator: ",", omittingEmptySubsequences: false) {
                guard !field.trimmed.isEmpty else { throw KernelError.unparsable(text, reason: "an empty weight") }
                for word in field.split(whereSeparator: Kernel.isWeightSpace) {
                    let t = String(word)
                    guard let v = Float(t) else { throw KernelError.unparsable(text, reason: "'\(Limits.quoted(t))' is not a number") }
                    guard v.isFinite else { throw KernelError.notFinite(t) }
                    row.append(v)
                }
            }
            rows.append(row)
        }
        let n = rows.count
        guard rows.allSatisfy({ $0.count == n }) else {
            throw KernelError.notSquare(rows: n, columns: rows.map(\.count))
        }
        guard n % 2 == 1 else { throw KernelError.evenSize(n) }
        guard n <= maxSize else { throw KernelError.tooLarge(n) }
        return Kernel(name: name, label: label, size: n, weights: rows.flatMap { $0 })
    }
}

/// Why a kernel could not be made from a name or text.
public enum KernelError: Error, Equatable, CustomStringConvertible {
    case unknownName(String, known: [String])
    case unparsable(String, reason: String)
    case notSquare(rows: Int, columns: [Int])
    case evenSize(Int)
    case tooLarge(Int)
    case notFinite(String)

    public var description: String {
        switch self {
        case let .unknownName(n, known):
            return "unknown filter '\(Limits.quoted(n))' (known: \(known.joined(separator: ", ")), or weights like \"0,-1,0;-1,5,-1;0,-1,0\")"
        case let .unparsable(t, reason):
            return "kernel \"\(Limits.quoted(t))\" does not parse: \(reason.singleLine)"
        case let .notSquare(1, columns):
            return "kernel is 1 row of \(columns[0]) weights: rows are split by ';', e.g. 1,2,3;4,5,6;7,8,9"
        case let .notSquare(rows, columns):
            return "kernel is not square: \(rows) rows with \(Limits.quoted(columns.map(String.init).joined(separator: "/"))) weights"
        case let .evenSize(n):
            return "kernel is \(n)×\(n): its side must be odd (1, 3, 5 or 7)"
        case let .tooLarge(n):
            return "kernel is \(n)×\(n): the largest supported is \(Kernel.maxSize)×\(Kernel.maxSize)"
        case let .notFinite(t):
            return "kernel weight '\(Limits.quoted(t))' is not a finite number"
        }
    }
}
