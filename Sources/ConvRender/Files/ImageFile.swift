import CCairo
import ConvModel
import Foundation

/// Image files in and out: PNG (through cairo) and PGM/PPM (through `PNMDecoder`) become a
/// grayscale `NamedImage`; `savePGM` writes a grid back out.
///
///     let image = try ImageFile.load(path: "photos/cat.png", maxSide: 32)
///     image.name          // "cat.png"
///
/// Every problem is an `ImageLoadError` that names the path as given.
public enum ImageFile {
    /// Reads the image at `path`, turns it to gray in [0, 1] and, when `maxSide` is given,
    /// shrinks it by area averaging so its longest side is at most `maxSide`.
    ///
    /// PNG is recognised by its 8-byte signature, anything else must be P2, P3, P5 or P6.
    /// PNG alpha is composited on black. The declared size is checked against
    /// `ImageLoadError.maxPixels` before any pixel is decoded.
    public static func load(path: String, maxSide: Int?) throws -> NamedImage {
        let data = try readFile(path)
        let grid: Grid = try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            if PNGFile.hasSignature(bytes) {
                return try PNGFile.decode(bytes, name: path)
            }
            return try PNMDecoder.decode(bytes, name: path)
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        if let maxSide { return NamedImage(name: name, grid: grid.shrunk(toMaxSide: maxSide)) }
        return NamedImage(name: name, grid: grid)
    }

    /// Writes `grid` as a binary PGM (P5, maxval 255): each value clamped to [0, 1], times 255,
    /// rounded to the nearest integer (NaN writes 0).
    public static func savePGM(_ grid: Grid, to path: String) throws {
        guard !grid.isEmpty else {
            throw ImageLoadError.unwritable(path, reason: "the image has no pixels (\(grid.width)×\(grid.height))")
        }
        var bytes = Array("P5\n\(grid.width) \(grid.height)\n255\n".utf8)
        bytes.reserveCapacity(bytes.count + grid.count)
        for v in grid.values {
            let clamped = v.isNaN ? 0 : min(1, max(0, v))
            bytes.append(UInt8((clamped * 255).rounded()))
        }
        try writeFile(bytes, to: path)
    }

    /// Plain POSIX writing, so that a failure reads as errno's one-line reason.
    static func writeFile(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ImageLoadError.unwritable(path, reason: errnoText()) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ImageLoadError.unwritable(path, reason: errnoText())
            }
            written += n
        }
    }

    private static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code)).lowercased()
    }

    /// The file's bytes, memory-mapped so that a huge file costs no copy before its header is
    /// checked. Only regular files: a FIFO or a device such as /dev/zero could block or never end.
    static func readFile(_ path: String) throws -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw ImageLoadError.missingFile(path) }
            throw ImageLoadError.unreadable(path, reason: errnoText(code))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ImageLoadError.unreadable(path, reason: "it is a directory")
        default: throw ImageLoadError.unreadable(path, reason: "it is not a regular file")
        }
        guard access(path, R_OK) == 0 else {
            throw ImageLoadError.unreadable(path, reason: errnoText())
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw ImageLoadError.unreadable(path, reason: (error as NSError).localizedDescription)
        }
        if data.isEmpty { throw ImageLoadError.emptyFile(path) }
        return data
    }
}

/// PNG decoding through cairo; internal to `ImageFile`.
enum PNGFile {
    static func hasSignature(_ bytes: UnsafeRawBufferPointer) -> Bool { PNGChunkScan.hasSignature(bytes) }

    static func decode(_ bytes: UnsafeRawBufferPointer, name: String) throws -> Grid {
        // Every chunk is checked and the declared size held to `Limits` before libpng sees a byte.
        let (width, height) = try PNGChunkScan.check(bytes, name: name)

        var source = PNGByteSource(bytes: bytes)
        let surface = withUnsafeMutablePointer(to: &source) { pointer in
            cairo_image_surface_create_from_png_stream({ closure, data, length in
                let source = closure!.assumingMemoryBound(to: PNGByteSource.self)
                return source.pointee.read(into: data, count: Int(length))
            }, pointer)
        }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        // Cairo reports every libpng error as "out of memory"; with the size already held to the
        // limits, that means the image data itself is corrupt.
        guard status != CAIRO_STATUS_NO_MEMORY else {
            throw ImageLoadError.corruptPNG(name, detail: "libpng could not decode its image data")
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ImageLoadError.corruptPNG(name, detail: String(cString: cairo_status_to_string(status)))
        }
        guard Int(cairo_image_surface_get_width(surface)) == width,
              Int(cairo_image_surface_get_height(surface)) == height else {
            throw ImageLoadError.corruptPNG(name, detail: "cairo decoded a different size than IHDR declares")
        }
        return try grayGrid(of: surface!, name: name)
    }

    /// Cairo's pixels as luma. ARGB32 is premultiplied, so its r, g, b are already the colour
    /// composited on black. A8 is read as white ink of that coverage on black.
    static func grayGrid(of surface: OpaquePointer, name: String) throws -> Grid {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        guard let data = cairo_image_surface_get_data(surface) else {
            throw ImageLoadError.corruptPNG(name, detail: "cairo returned no pixel data")
        }
        var values = [Float](repeating: 0, count: width * height)
        switch format {
        case CAIRO_FORMAT_ARGB32, CAIRO_FORMAT_RGB24:
            for r in 0..<height {
                let row = UnsafeRawPointer(data + r * stride).assumingMemoryBound(to: UInt32.self)
                for c in 0..<width {
                    let p = row[c]
                    values[r * width + c] = PNMDecoder.luma(Float((p >> 16) & 0xFF) / 255,
                                                            Float((p >> 8) & 0xFF) / 255,
                                                            Float(p & 0xFF) / 255)
                }
            }
        case CAIRO_FORMAT_A8:
            for r in 0..<height {
                for c in 0..<width { values[r * width + c] = Float(data[r * stride + c]) / 255 }
            }
        default:
            throw ImageLoadError.corruptPNG(name, detail: "cairo gave an unsupported pixel format (\(format.rawValue))")
        }
        return Grid(width: width, height: height, values: values)
    }
}

/// Hands the in-memory PNG to cairo's read callback, a piece at a time.
private struct PNGByteSource {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    mutating func read(into destination: UnsafeMutablePointer<UInt8>?, count: Int) -> cairo_status_t {
        guard let destination, count <= bytes.count - offset else { return CAIRO_STATUS_READ_ERROR }
        if count > 0 {
            destination.update(from: bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: UInt8.self),
                               count: count)
        }
        offset += count
        return CAIRO_STATUS_SUCCESS
    }
}
