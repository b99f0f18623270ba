import CCairo
import CX11
import ConvModel
import ConvRender
import Foundation

/// The frame off-screen: a cairo image surface whose pixels are at the same time an `XImage`,
/// shown in one copy with `XShmPutImage` (shared memory, when the server is local) or
/// `XPutImage`.
///
/// Why an image and not a server Pixmap with a cairo-xlib surface: the window then draws the
/// very pixels that `render`, `record` and the pixel tests draw (one rasteriser, pixman, not the
/// server's), the screenshot is the buffer itself, and at 1920×1080 the copy costs about a
/// millisecond (measured figures in the report of issue 4).
final class BackBuffer {
    let width: Int
    let height: Int
    /// `cairo_surface_t *` over the pixels.
    let surface: OpaquePointer
    let usesSharedMemory: Bool

    private let display: OpaquePointer
    private let image: UnsafeMutablePointer<XImage>
    private let segment: UnsafeMutablePointer<XShmSegmentInfo>?
    /// A shared-memory copy the server may still be reading: drawing must wait for it.
    private var copyInFlight = false

    /// Whether the screen stores pixels the way a cairo RGB24 surface does (32 bits, 0xRRGGBB).
    static func isSupported(_ visual: UnsafeMutablePointer<Visual>, depth: Int32) -> Bool {
        let v = visual.pointee
        return (depth == 24 || depth == 32) && v.red_mask == 0xFF0000 && v.green_mask == 0xFF00 && v.blue_mask == 0xFF
    }

    init?(_ x: XConnection, visual: UnsafeMutablePointer<Visual>, depth: Int32, width: Int, height: Int,
          sharedMemory: Bool) {
        let w = max(1, width), h = max(1, height)
        self.width = w
        self.height = h
        display = x.display
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, Int32(w)))
        if sharedMemory, let (img, seg) = BackBuffer.sharedImage(x, visual, depth, w, h, stride) {
            image = img
            segment = seg
            usesSharedMemory = true
        } else {
            guard let data = malloc(stride * h),
                  let img = XCreateImage(x.display, visual, UInt32(depth), ZPixmap, 0,
                                         data.assumingMemoryBound(to: CChar.self), UInt32(w), UInt32(h), 32, Int32(stride))
            else { return nil }
            image = img
            segment = nil
            usesSharedMemory = false
        }
        // The pixels are native 32-bit words; Xlib swaps them if the server wants the other order.
        image.pointee.byte_order = LSBFirst
        let pixels = UnsafeMutableRawPointer(image.pointee.data!).assumingMemoryBound(to: UInt8.self)
        surface = cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_RGB24, Int32(w), Int32(h), Int32(stride))
    }

    deinit {
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        if let segment {
            XShmDetach(display, segment)
            shmdt(segment.pointee.shmaddr)
            segment.deallocate()
            image.pointee.data = nil
        }
        // Frees the malloc'd pixels too when they are not shared.
        destroyImage(image)
    }

    /// A cairo context to draw the next frame into; waits first if the server is still
    /// copying the previous one out of shared memory.
    func beginFrame() -> OpaquePointer {
        if copyInFlight {
            XSync(display, 0)
            copyInFlight = false
        }
        cairo_surface_flush(surface)
        return cairo_create(surface)!
    }

    func endFrame(_ cr: OpaquePointer) {
        cairo_destroy(cr)
        cairo_surface_flush(surface)
    }

    /// Copies the finished frame (or the part of it inside x, y, w, h) onto the window in one request.
    func present(to window: Window, gc: GC, x: Int = 0, y: Int = 0, width w: Int? = nil, height h: Int? = nil) {
        let cw = UInt32(min(w ?? width, width - x)), ch = UInt32(min(h ?? height, height - y))
        guard x >= 0, y >= 0, x < width, y < height else { return }
        if let segment {
            _ = segment
            XShmPutImage(display, window, gc, image, Int32(x), Int32(y), Int32(x), Int32(y), cw, ch, 0)
            copyInFlight = true
        } else {
            XPutImage(display, window, gc, image, Int32(x), Int32(y), Int32(x), Int32(y), cw, ch)
        }
        XFlush(display)
    }

    /// Copies the parts of the frame inside `rects` (whole pixels, inside the buffer, not
    /// overlapping) onto the window: one request per rectangle, or, when there are many, per box
    /// around near ones (`FrameDamage.presentPieces`; each request costs the server a round of its own).
    func present(_ rects: [Rect], to window: Window, gc: GC) {
        guard !rects.isEmpty else { return }
        for r in FrameDamage.presentPieces(rects, maxPieces: BackBuffer.maxPieces) {
            let x = Int(r.x), y = Int(r.y), w = Int(r.width), h = Int(r.height)
            guard x >= 0, y >= 0, w > 0, h > 0, x < width, y < height else { continue }
            let cw = Int32(min(w, width - x)), ch = Int32(min(h, height - y))
            if segment != nil {
                XShmPutImage(display, window, gc, image, Int32(x), Int32(y), Int32(x), Int32(y), UInt32(cw), UInt32(ch), 0)
                copyInFlight = true
            } else {
                XPutImage(display, window, gc, image, Int32(x), Int32(y), Int32(x), Int32(y), UInt32(cw), UInt32(ch))
            }
        }
        XFlush(display)
    }

    /// More rectangles than this are joined into this many boxes.
    static let maxPieces = 16

    /// An XImage in a System V shared-memory segment attached by the server, or nil when the
    /// server cannot attach it (another machine, no MIT-SHM).
    private static func sharedImage(_ x: XConnection, _ visual: UnsafeMutablePointer<Visual>, _ depth: Int32,
                                    _ w: Int, _ h: Int, _ stride: Int)
        -> (UnsafeMutablePointer<XImage>, UnsafeMutablePointer<XShmSegmentInfo>)? {
        let d = x.display
        guard XShmQueryExtension(d) != 0 else { return nil }
        let segment = UnsafeMutablePointer<XShmSegmentInfo>.allocate(capacity: 1)
        segment.initialize(to: XShmSegmentInfo())
        guard let img = XShmCreateImage(d, visual, UInt32(depth), ZPixmap, nil, segment, UInt32(w), UInt32(h)) else {
            segment.deallocate()
            return nil
        }
        guard Int(img.pointee.bytes_per_line) == stride else {
            destroyImage(img)
            segment.deallocate()
            return nil
        }
        let id = shmget(IPC_PRIVATE, stride * h, IPC_CREAT | 0o600)
        guard id >= 0 else {
            destroyImage(img)
            segment.deallocate()
            return nil
        }
        let address = shmat(id, nil, 0)
        guard let address, address != UnsafeMutableRawPointer(bitPattern: -1) else {
            shmctl(id, IPC_RMID, nil)
            destroyImage(img)
            segment.deallocate()
            return nil
        }
        segment.pointee.shmid = id
        segment.pointee.shmaddr = address.assumingMemoryBound(to: CChar.self)
        segment.pointee.readOnly = 0
        img.pointee.data = segment.pointee.shmaddr
        XErrorReporting.lastErrorCode = 0
        XErrorReporting.quiet = true
        let attached = XShmAttach(d, segment) != 0
        XSync(d, 0)
        XErrorReporting.quiet = false
        // Marked for removal now: it goes away when both sides have detached, even after a crash.
        shmctl(id, IPC_RMID, nil)
        guard attached, XErrorReporting.lastErrorCode == 0 else {
            shmdt(address)
            img.pointee.data = nil
            destroyImage(img)
            segment.deallocate()
            return nil
        }
        return (img, segment)
    }
}

/// `XDestroyImage` is a macro over the image's own function table.
private func destroyImage(_ image: UnsafeMutablePointer<XImage>) {
    _ = image.pointee.f.destroy_image(image)
}
