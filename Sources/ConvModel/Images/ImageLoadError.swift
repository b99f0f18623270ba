/// Why an image file could not become a `Grid`.
///
/// Every case carries the file as the user named it, and `description` is one line that
/// names the file and the problem, ready to print after `convviewer: `:
///
///     ImageLoadError.missingFile("x.pgm").description   // "cannot read 'x.pgm': no such file"
public enum ImageLoadError: Error, Equatable, CustomStringConvertible {
    /// The most pixels an image may declare: checked from the header, before anything is allocated.
    public static let maxPixels = Limits.imagePixels
    /// The longest side an image may declare.
    public static let maxSide = Limits.imageSide

    /// Throws `tooLarge` unless `width × height` (overflow-safe) and both sides are within the limits.
    public static func checkSize(_ file: String, width: Int, height: Int) throws {
        guard width <= maxSide, height <= maxSide,
              let pixels = Limits.product(width, height), pixels <= maxPixels else {
            throw ImageLoadError.tooLarge(file, width: width, height: height)
        }
    }

    /// Nothing exists at the path.
    case missingFile(String)
    /// The path exists but cannot be read (a directory, no permission, an I/O error).
    case unreadable(String, reason: String)
    /// The file holds no bytes at all.
    case emptyFile(String)
    /// The first bytes are neither a PNG signature nor P2, P3, P5 or P6.
    case unknownFormat(String)
    /// The PGM/PPM header is cut short or holds something other than the numbers it needs.
    case badHeader(String, detail: String)
    /// The header declares `width`×`height` pixels but only `available` whole pixels follow.
    case truncatedPixels(String, width: Int, height: Int, available: Int)
    /// The ASCII pixel data (P2, P3) holds something that is not a number.
    case badPixelData(String, detail: String)
    /// The header declares more than `maxPixels` pixels or `maxSide` on a side, or so many that
    /// width × height overflows.
    case tooLarge(String, width: Int, height: Int)
    /// The PGM/PPM maxval is 0 or more than 65535.
    case badMaxval(String, value: Int)
    /// The header declares a width or a height of 0.
    case zeroSize(String, width: Int, height: Int)
    /// The file starts like a PNG but libpng (through cairo) or its IHDR chunk says otherwise.
    case corruptPNG(String, detail: String)
    /// An image could not be written to the path (used by `ImageFile.savePGM`).
    case unwritable(String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let file):
            return "cannot read \(quoted(file)): no such file"
        case .unreadable(let file, let reason):
            return "cannot read \(quoted(file)): \(oneLine(reason))"
        case .emptyFile(let file):
            return "\(quoted(file)) is empty"
        case .unknownFormat(let file):
            return "\(quoted(file)) is not a PNG, PGM (P2, P5) or PPM (P3, P6) image"
        case .badHeader(let file, let detail):
            return "\(quoted(file)) has a corrupt header: \(oneLine(detail))"
        case .truncatedPixels(let file, let width, let height, let available):
            return "\(quoted(file)) is truncated: header says \(width)×\(height) pixels but the file holds \(available)"
        case .badPixelData(let file, let detail):
            return "\(quoted(file)) has corrupt pixel data: \(oneLine(detail))"
        case .tooLarge(let file, let width, let height):
            return "\(quoted(file)) is too large: \(width)×\(height) pixels is more than the limit of \(Self.maxPixels) pixels (2^24) or \(Self.maxSide) on a side"
        case .badMaxval(let file, let value):
            return "\(quoted(file)) has maxval \(value); it must be 1 to 65535"
        case .zeroSize(let file, let width, let height):
            return "\(quoted(file)) has no pixels: its size is \(width)×\(height)"
        case .corruptPNG(let file, let detail):
            return "\(quoted(file)) is not a valid PNG: \(oneLine(detail))"
        case .unwritable(let file, let reason):
            return "cannot write \(quoted(file)): \(oneLine(reason))"
        }
    }
}

/// The file name in quotes, with control characters shown as `?` so the message stays one line.
private func quoted(_ file: String) -> String {
    "'" + Limits.quoted(file, atMost: Limits.quotedPathCharacters) + "'"
}

private func oneLine(_ text: String) -> String { text.singleLine }
