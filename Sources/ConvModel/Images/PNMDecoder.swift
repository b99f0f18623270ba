/// Decodes PGM and PPM images (netpbm P2, P3, P5, P6) into a grayscale `Grid`.
///
///     let grid = try PNMDecoder.decode(Array("P2 2 1 255 0 255".utf8), name: "tiny.pgm")
///     grid.values   // [0, 1]
///
/// - A stored value v becomes v / maxval, clamped to [0, 1] when a sample exceeds maxval.
/// - Colour (P3, P6) becomes luma Y = 0.2126 R + 0.7152 G + 0.0722 B of the scaled samples.
/// - maxval 1–255 stores one byte per binary sample, 256–65535 two bytes, big-endian.
/// - `#` comments run to the end of the line and may appear anywhere in the header
///   (and between ASCII samples); any ASCII whitespace separates fields.
/// - The size is checked against `ImageLoadError.maxPixels` as soon as the header gives it,
///   before any pixel storage is allocated, and the pixel data is checked to be all there
///   before it is decoded. Bytes after the last pixel are ignored.
///
/// Every problem is an `ImageLoadError` naming `name`.
public enum PNMDecoder {
    /// True when `bytes` start with a magic number this decoder reads (P2, P3, P5 or P6).
    public static func recognizes(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == ascii("P") && Format(digit: bytes[1]) != nil
    }

    public static func decode(_ bytes: [UInt8], name: String) throws -> Grid {
        try bytes.withUnsafeBufferPointer { try decode($0, name: name) }
    }

    /// Decodes straight from memory the caller owns, e.g. a memory-mapped file, without a copy.
    public static func decode(_ bytes: UnsafeRawBufferPointer, name: String) throws -> Grid {
        try decode(bytes.bindMemory(to: UInt8.self), name: name)
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws -> Grid {
        var reader = PNMReader(bytes: bytes, name: name)
        let header = try reader.readHeader()
        let values: [Float]
        switch header.format {
        case .asciiGray, .asciiRGB: values = try reader.readASCIIPixels(header)
        case .binaryGray, .binaryRGB: values = try reader.readBinaryPixels(header)
        }
        return Grid(width: header.width, height: header.height, values: values)
    }

    enum Format {
        case asciiGray, binaryGray, asciiRGB, binaryRGB

        init?(digit: UInt8) {
            switch digit {
            case ascii("2"): self = .asciiGray
            case ascii("5"): self = .binaryGray
            case ascii("3"): self = .asciiRGB
            case ascii("6"): self = .binaryRGB
            default: return nil
            }
        }

        var samplesPerPixel: Int {
            switch self {
            case .asciiGray, .binaryGray: return 1
            case .asciiRGB, .binaryRGB: return 3
            }
        }
    }

    struct Header {
        let format: Format
        let width: Int
        let height: Int
        let maxval: Int
        var pixelCount: Int { width * height }
    }
}

extension PNMDecoder {
    /// Luma Y = 0.2126 R + 0.7152 G + 0.0722 B (ITU-R BT.709, as DESIGN.md gives it) of
    /// values in [0, 1], clamped to [0, 1]. PNG loading uses it too.
    @inline(__always)
    public static func luma(_ r: Float, _ g: Float, _ b: Float) -> Float {
        min(1, max(0, 0.2126 * r + 0.7152 * g + 0.0722 * b))
    }
}

@inline(__always)
private func ascii(_ c: Unicode.Scalar) -> UInt8 { UInt8(c.value) }

/// A cursor over the file's bytes; internal to the decoder.
private struct PNMReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let name: String
    var pos = 0

    init(bytes: UnsafeBufferPointer<UInt8>, name: String) {
        self.bytes = bytes
        self.name = name
    }

    var atEnd: Bool { pos >= bytes.count }

    mutating func readHeader() throws -> PNMDecoder.Header {
        guard !bytes.isEmpty else { throw ImageLoadError.emptyFile(name) }
        guard bytes.count >= 2, bytes[0] == ascii("P"),
              let format = PNMDecoder.Format(digit: bytes[1]) else {
            throw ImageLoadError.unknownFormat(name)
        }
        pos = 2
        if !atEnd && !isWhitespace(bytes[pos]) && bytes[pos] != ascii("#") {
            throw ImageLoadError.unknownFormat(name)
        }
        let width = try readHeaderNumber("width")
        let height = try readHeaderNumber("height")
        if width == 0 || height == 0 {
            throw ImageLoadError.zeroSize(name, width: width, height: height)
        }
        try ImageLoadError.checkSize(name, width: width, height: height)
        let maxval = try readHeaderNumber("maxval")
        if maxval < 1 || maxval > 65535 {
            throw ImageLoadError.badMaxval(name, value: maxval)
        }
        try skipSingleSeparatorAfterMaxval()
        return PNMDecoder.Header(format: format, width: width, height: height, maxval: maxval)
    }

    /// The raster starts after exactly one whitespace byte (or a comment through its newline):
    /// for P5/P6 the next byte may itself be a pixel that looks like whitespace.
    mutating func skipSingleSeparatorAfterMaxval() throws {
        guard !atEnd else { return }
        let c = bytes[pos]
        if isWhitespace(c) {
            pos += 1
        } else if c == ascii("#") {
            skipComment()
        } else {
            throw ImageLoadError.badHeader(name, detail: "expected whitespace after the maxval, found \(describe(c))")
        }
    }

    mutating func readHeaderNumber(_ what: String) throws -> Int {
        skipWhitespaceAndComments()
        guard !atEnd else {
            throw ImageLoadError.badHeader(name, detail: "it ends before the \(what)")
        }
        guard isDigit(bytes[pos]) else {
            throw ImageLoadError.badHeader(name, detail: "expected the \(what), found \(describe(bytes[pos]))")
        }
        var value = 0
        while !atEnd, isDigit(bytes[pos]) {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(Int(bytes[pos] - ascii("0")))
            if o1 || o2 {
                throw ImageLoadError.badHeader(name, detail: "the \(what) has too many digits")
            }
            value = next
            pos += 1
        }
        return value
    }

    mutating func readBinaryPixels(_ header: PNMDecoder.Header) throws -> [Float] {
        let spp = header.format.samplesPerPixel
        let bytesPerSample = header.maxval < 256 ? 1 : 2
        let bytesPerPixel = spp * bytesPerSample
        let available = (bytes.count - pos) / bytesPerPixel
        if available < header.pixelCount {
            throw ImageLoadError.truncatedPixels(name, width: header.width, height: header.height,
                                                 available: available)
        }
        let maxval = Float(header.maxval)
        let data = bytes
        let start = pos
        @inline(__always) func sample(_ i: Int) -> Float {
            let raw = bytesPerSample == 1
                ? Int(data[start + i])
                : Int(data[start + 2 * i]) << 8 | Int(data[start + 2 * i + 1])
            return min(1, Float(raw) / maxval)
        }
        let count = header.pixelCount
        let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            if spp == 1 {
                for i in 0..<count { buffer[i] = sample(i) }
            } else {
                for i in 0..<count { buffer[i] = PNMDecoder.luma(sample(3 * i), sample(3 * i + 1), sample(3 * i + 2)) }
            }
            initialized = count
        }
        pos += count * bytesPerPixel
        return values
    }

    mutating func readASCIIPixels(_ header: PNMDecoder.Header) throws -> [Float] {
        let spp = header.format.samplesPerPixel
        let maxval = Float(header.maxval)
        var values: [Float] = []
        // A sample takes at least two bytes (a digit and a separator), so the file size
        // bounds what a lying header can make us reserve.
        values.reserveCapacity(min(header.pixelCount, (bytes.count - pos) / (2 * spp) + 1))
        var rgb: (Float, Float, Float) = (0, 0, 0)
        for pixel in 0..<header.pixelCount {
            for channel in 0..<spp {
                guard let raw = try readASCIISample(pixel: pixel) else {
                    throw ImageLoadError.truncatedPixels(name, width: header.width, height: header.height,
                                                         available: pixel)
                }
                let v = min(1, Float(raw) / maxval)
                switch channel {
                case 0: rgb.0 = v
                case 1: rgb.1 = v
                default: rgb.2 = v
                }
            }
            values.append(spp == 1 ? rgb.0 : PNMDecoder.luma(rgb.0, rgb.1, rgb.2))
        }
        return values
    }

    /// The next ASCII sample, or nil at the end of the file. Values beyond 65535 saturate:
    /// they exceed any maxval and clamp to 1 anyway.
    mutating func readASCIISample(pixel: Int) throws -> Int? {
        skipWhitespaceAndComments()
        guard !atEnd else { return nil }
        guard isDigit(bytes[pos]) else {
            throw ImageLoadError.badPixelData(name, detail: "expected a number for pixel \(pixel), found \(describe(bytes[pos]))")
        }
        var value = 0
        while !atEnd, isDigit(bytes[pos]) {
            value = min(value * 10 + Int(bytes[pos] - ascii("0")), 1 << 20)
            pos += 1
        }
        return value
    }

    mutating func skipWhitespaceAndComments() {
        while !atEnd {
            if isWhitespace(bytes[pos]) {
                pos += 1
            } else if bytes[pos] == ascii("#") {
                skipComment()
            } else {
                return
            }
        }
    }

    /// Skips from `#` through the end of its line (a `\n` or `\r`), or to the end of the file.
    mutating func skipComment() {
        while !atEnd {
            let c = bytes[pos]
            pos += 1
            if c == ascii("\n") || c == ascii("\r") { return }
        }
    }

    func isWhitespace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D
    }

    func isDigit(_ c: UInt8) -> Bool { c >= ascii("0") && c <= ascii("9") }

    func describe(_ c: UInt8) -> String {
        c >= 0x21 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte \(c)"
    }
}
