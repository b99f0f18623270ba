/// IDX, the format of MNIST and Fashion-MNIST: a big-endian header — two zero bytes, a type
/// byte (0x08 for unsigned bytes), the number of dimensions — then one 32-bit size per
/// dimension, then the values. Parsed from bytes only, so it is easy to test and to fuzz.
///
///     let labels = try IDX.parse([0, 0, 8, 1, 0, 0, 0, 2, 7, 3])   // dimensions [2], values [7, 3]
public enum IDX {
    /// The largest array accepted, in bytes: the 60,000 training images take 47 MB.
    public static let maxBytes = 256 << 20

    /// The header alone (enough bytes of it): the dimensions and the byte count the values take.
    /// Sizes are multiplied with overflow checks and bounded by `maxBytes` (or `limit`) before
    /// anyone allocates for them.
    public static func header(_ bytes: some Collection<UInt8>, limit: Int = maxBytes) throws(IDXError) -> (dimensions: [Int], headerSize: Int, valueCount: Int) {
        let b = Array(bytes.prefix(4))
        guard !bytes.isEmpty else { throw .empty }
        guard b.count == 4 else { throw .truncated(needed: 4, found: b.count) }
        guard b[0] == 0, b[1] == 0 else { throw .badMagic(b) }
        guard b[2] == 0x08 else { throw .unsupportedType(b[2]) }
        let n = Int(b[3])
        guard (1...3).contains(n) else { throw .badDimensionCount(n) }
        let headerSize = 4 + 4 * n
        let head = Array(bytes.prefix(headerSize))
        guard head.count == headerSize else { throw .truncated(needed: headerSize, found: head.count) }
        var dimensions: [Int] = []
        var total = 1
        for d in 0..<n {
            let o = 4 + 4 * d
            let size = Int(head[o]) << 24 | Int(head[o + 1]) << 16 | Int(head[o + 2]) << 8 | Int(head[o + 3])
            dimensions.append(size)
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow, product <= limit else { throw .tooLarge(dimensions: dimensions, limit: limit) }
            total = product
        }
        return (dimensions, headerSize, total)
    }

    /// A whole IDX file of unsigned bytes: its header, then exactly as many values as it says.
    public static func parse(_ bytes: [UInt8], limit: Int = maxBytes) throws(IDXError) -> IDXArray {
        let (dimensions, headerSize, count) = try header(bytes, limit: limit)
        let found = bytes.count - headerSize
        guard found >= count else { throw .truncated(needed: headerSize + count, found: bytes.count) }
        guard found == count else { throw .trailingBytes(found - count) }
        return IDXArray(dimensions: dimensions, values: Array(bytes[headerSize...]))
    }
}

/// An IDX array of bytes: its sizes, outermost first, and its values in row-major order.
public struct IDXArray: Equatable, Sendable {
    public let dimensions: [Int]
    public let values: [UInt8]

    public init(dimensions: [Int], values: [UInt8]) {
        precondition(values.count == dimensions.reduce(1, *), "values do not fill the dimensions")
        self.dimensions = dimensions
        self.values = values
    }
}

/// Why bytes are not a usable IDX file, in one line.
public enum IDXError: Error, Equatable, CustomStringConvertible {
    case empty
    case truncated(needed: Int, found: Int)
    case badMagic([UInt8])
    case unsupportedType(UInt8)
    case badDimensionCount(Int)
    case tooLarge(dimensions: [Int], limit: Int)
    case trailingBytes(Int)
    case wrongKind(expected: String, found: Int)
    case countMismatch(images: Int, labels: Int)
    case wrongImageSize(rows: Int, columns: Int)
    case badLabel(index: Int, value: UInt8)

    public var description: String {
        switch self {
        case .empty: return "the file is empty"
        case let .truncated(needed, found): return "the file is cut short: \(found) bytes where \(needed) are needed"
        case let .badMagic(b): return "not an IDX file: it starts with \(b.map { hex($0) }.joined(separator: " ")), not 00 00"
        case let .unsupportedType(t): return "IDX value type \(hex(t)) is not supported (only 08, unsigned bytes)"
        case let .badDimensionCount(n): return "IDX file with \(n) dimensions (1 to 3 expected)"
        case let .tooLarge(d, limit): return "IDX sizes \(d.map(String.init).joined(separator: "×")) exceed the limit of \(limit) bytes"
        case let .trailingBytes(n): return "\(n) bytes after the last value the header announces"
        case let .wrongKind(expected, found): return "expected \(expected), found an array of \(found) dimensions"
        case let .countMismatch(images, labels): return "\(images) images but \(labels) labels"
        case let .wrongImageSize(r, c): return "the images are \(c)×\(r); the network takes 28×28"
        case let .badLabel(i, v): return "label \(i) is \(v); the network has classes 0 to 9"
        }
    }

    private func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }
}
