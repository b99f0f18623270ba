/// A byte-level walk over a PNG file's chunks, made before libpng (through cairo) reads it, so a
/// hostile file is refused by what it declares instead of by what decoding it would cost.
///
///     let size = try PNGChunkScan.check(bytes, name: "x.png")   // (width: 24, height: 24)
///
/// It refuses, each with a one-line `ImageLoadError` naming the file:
/// - a chunk length above 2³¹ − 1 (the format's own limit) or one that runs past the end of the
///   file (a 46-byte file whose text chunk claims 2 GB cost libpng 2 GB and 5 s to refuse);
/// - a chunk other than IDAT whose CRC does not match, or whose type is not four ASCII letters;
/// - an IHDR that is not first, not 13 bytes long, or declares a size of 0 or above `Limits`;
/// - a file with no IDAT chunk or none of IEND.
///
/// The work is one pass over the bytes; nothing is allocated.
public enum PNGChunkScan {
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The largest chunk length the PNG format allows.
    public static let maxChunkLength = (1 << 31) - 1

    public static func hasSignature(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= signature.count && zip(bytes, signature).allSatisfy { $0 == $1 }
    }

    /// Checks every chunk and returns the size IHDR declares, within `Limits`.
    public static func check(_ bytes: UnsafeRawBufferPointer, name: String) throws -> (width: Int, height: Int) {
        func corrupt(_ detail: String) -> ImageLoadError { .corruptPNG(name, detail: detail) }
        func bigEndian(_ at: Int) -> Int { (at..<at + 4).reduce(0) { $0 << 8 | Int(bytes[$1]) } }
        guard hasSignature(bytes) else { throw corrupt("it does not start with the PNG signature") }
        var offset = signature.count
        var size: (width: Int, height: Int)?
        var sawData = false
        while true {
            let remaining = bytes.count - offset
            guard remaining >= 12 else {
                throw corrupt(size == nil ? "it ends before the IHDR chunk" : "it ends before the IEND chunk")
            }
            let length = bigEndian(offset)
            let type = String(decoding: bytes[offset + 4 ..< offset + 8], as: UTF8.self)
            guard bytes[offset + 4 ..< offset + 8].allSatisfy(isLetter) else {
                throw corrupt("a chunk at byte \(offset) has a type that is not four letters")
            }
            guard length <= maxChunkLength else {
                throw corrupt("chunk \(type) claims \(length) bytes, more than the format's limit of \(maxChunkLength)")
            }
            guard length <= remaining - 12 else {
                throw corrupt("chunk \(type) claims \(length) bytes but only \(remaining - 12) follow")
            }
            let data = offset + 8
            if size == nil {
                guard type == "IHDR" else { throw corrupt("the first chunk is not IHDR") }
                guard length == 13 else { throw corrupt("the IHDR chunk is \(length) bytes long, not 13") }
                let (w, h) = (bigEndian(data), bigEndian(data + 4))
                if w == 0 || h == 0 { throw ImageLoadError.zeroSize(name, width: w, height: h) }
                try ImageLoadError.checkSize(name, width: w, height: h)
                size = (w, h)
            } else if type == "IHDR" {
                throw corrupt("it has a second IHDR chunk")
            }
            // After IHDR's size, so an absurd size is named as such. IDAT, the bulk of the file,
            // is left to libpng, which checks its CRC itself.
            guard type == "IDAT" || crc(bytes, from: offset + 4, count: length + 4) == UInt32(bigEndian(data + length)) else {
                throw corrupt("chunk \(type) at byte \(offset) fails its CRC check")
            }
            if type == "IDAT" { sawData = true }
            offset = data + length + 4
            if type == "IEND" { break }
        }
        guard sawData else { throw corrupt("it has no IDAT chunk (no pixel data)") }
        return size!
    }

    private static func isLetter(_ b: UInt8) -> Bool { (65...90).contains(b) || (97...122).contains(b) }

    /// CRC-32 (ISO 3309, as PNG uses it) of `count` bytes from `from`.
    static func crc(_ bytes: UnsafeRawBufferPointer, from: Int, count: Int) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for i in from ..< from + count {
            c = crcTable[Int((c ^ UInt32(bytes[i])) & 0xFF)] ^ (c >> 8)
        }
        return c ^ 0xFFFF_FFFF
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}
