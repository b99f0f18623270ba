import CCairo
import Foundation

/// A Cairo image surface in memory, destroyed exactly once when the last reference goes.
///
///     let surface = try ImageSurface(width: 640, height: 400)
///     FrameRenderer.draw(state, into: surface)
///     try surface.writePNG(to: "frame.png")
public final class ImageSurface {
    /// The `cairo_surface_t *`, valid for the lifetime of this object.
    public let pointer: OpaquePointer
    public let width: Int
    public let height: Int

    /// A surface filled with transparent black (ARGB32) or black (RGB24).
    public init(width: Int, height: Int, opaque: Bool = false) throws {
        guard width >= 0, height >= 0 else { throw RenderError.badSize(width: width, height: height) }
        let format = opaque ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32
        guard let s = cairo_image_surface_create(format, Int32(clamping: width), Int32(clamping: height)) else {
            throw RenderError.badSize(width: width, height: height)
        }
        let status = cairo_surface_status(s)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(s)
            throw RenderError.cairo(what: "a \(width)×\(height) image", status: RenderError.text(status))
        }
        pointer = s
        self.width = width
        self.height = height
    }

    /// Wraps a surface this object now owns (its reference is released in `deinit`).
    init(owning surface: OpaquePointer) {
        pointer = surface
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
    }

    deinit { cairo_surface_destroy(pointer) }

    /// Bytes per row of pixel data.
    public var stride: Int { Int(cairo_image_surface_get_stride(pointer)) }

    /// The pixel at (x, y) as `0xAARRGGBB` (premultiplied; alpha is 0xFF on an opaque surface).
    public func pixel(x: Int, y: Int) -> UInt32 {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(width)×\(height)")
        cairo_surface_flush(pointer)
        let data = cairo_image_surface_get_data(pointer)!
        let p = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)[x]
        return cairo_image_surface_get_format(pointer) == CAIRO_FORMAT_RGB24 ? p | 0xFF00_0000 : p
    }

    /// Calls `body` with every row of pixels, top to bottom, as `0xAARRGGBB` words.
    public func withRows<T>(_ body: (_ row: Int, _ pixels: UnsafeBufferPointer<UInt32>) throws -> T?) rethrows -> T? {
        cairo_surface_flush(pointer)
        guard let data = cairo_image_surface_get_data(pointer) else { return nil }
        for y in 0..<height {
            let row = UnsafeBufferPointer(start: UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self),
                                          count: width)
            if let result = try body(y, row) { return result }
        }
        return nil
    }

    /// Writes the surface as a PNG file.
    public func writePNG(to path: String) throws {
        guard width > 0, height > 0 else { throw RenderError.png(path: path, reason: "the image is empty (\(width)×\(height))") }
        let status = cairo_surface_write_to_png(pointer, path)
        guard status == CAIRO_STATUS_SUCCESS else {
            // Cairo only says the stream failed; the usual reasons are easy to name.
            let folder = (path as NSString).deletingLastPathComponent
            var isFolder: ObjCBool = false
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
                throw RenderError.png(path: path, reason: "there is no folder '\(folder)'")
            }
            if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
                throw RenderError.png(path: path, reason: "the folder is not writable")
            }
            throw RenderError.png(path: path, reason: RenderError.text(status))
        }
    }
}

/// A `cairo_t` drawing onto a surface, destroyed exactly once.
public final class DrawingContext {
    /// The `cairo_t *`.
    public let pointer: OpaquePointer
    /// Keeps the target alive while we draw on it.
    private let target: ImageSurface?

    public init(_ surface: ImageSurface) {
        pointer = cairo_create(surface.pointer)
        target = surface
    }

    deinit { cairo_destroy(pointer) }
}

/// Why a frame could not be made or saved.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    case badSize(width: Int, height: Int)
    case cairo(what: String, status: String)
    case png(path: String, reason: String)

    public var description: String {
        switch self {
        case let .badSize(w, h): return "a frame cannot be \(w)×\(h) pixels"
        case let .cairo(what, status): return "cairo could not make \(what): \(status)"
        case let .png(path, reason): return "cannot write PNG '\(path)': \(reason)"
        }
    }

    static func text(_ status: cairo_status_t) -> String { String(cString: cairo_status_to_string(status)) }
}

extension ImageSurface {
    /// A new opaque surface of `width`×`height` pixels with `draw` run on a context for it.
    static func drawn(width: Int, height: Int, _ draw: (OpaquePointer) -> Void) throws -> ImageSurface {
        guard width > 0, height > 0 else { throw RenderError.badSize(width: width, height: height) }
        let surface = try ImageSurface(width: width, height: height, opaque: true)
        let context = DrawingContext(surface)
        draw(context.pointer)
        return surface
    }
}
