import CCairo

/// One Y4M frame as it goes into the stream — `FRAME\n`, then the Y, U and V planes — in one
/// buffer that is allocated once and refilled for every frame, so a frame is one `write`.
///
///     let frame = try Y4MFrame(width: 1920, height: 1080)
///     frame.fill(from: surface)
///     frame.bytes     // Y4M.frameByteCount(width: 1920, height: 1080) bytes
public final class Y4MFrame {
    public let width: Int
    public let height: Int
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let markerLength = Y4M.frameMarker.utf8.count

    /// A black frame; fails for a size 4:2:0 cannot hold.
    public init(width: Int, height: Int) throws {
        try Y4M.checkSize(width: width, height: height)
        self.width = width
        self.height = height
        storage = .allocate(capacity: Y4M.frameByteCount(width: width, height: height))
        _ = storage.initialize(from: Y4M.frameMarker.utf8)
        let lumaCount = width * height
        storage.baseAddress!.advanced(by: markerLength).initialize(repeating: 16, count: lumaCount)
        storage.baseAddress!.advanced(by: markerLength + lumaCount)
            .initialize(repeating: 128, count: storage.count - markerLength - lumaCount)
    }

    deinit { storage.deallocate() }

    /// The whole frame, marker included, ready to write.
    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(storage) }

    /// The three planes, without the marker.
    public var planes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[markerLength...]) }

    /// Converts `surface` (the same size, RGB24 or opaque ARGB32) into this frame.
    public func fill(from surface: ImageSurface) {
        precondition(surface.width == width && surface.height == height,
                     "a \(surface.width)×\(surface.height) surface into a \(width)×\(height) frame")
        cairo_surface_flush(surface.pointer)
        guard let data = cairo_image_surface_get_data(surface.pointer) else { return }
        let y = storage.baseAddress! + markerLength
        let u = y + width * height
        let v = u + (width / 2) * (height / 2)
        Y4M.convert(pixels: UnsafeRawPointer(data), rowBytes: surface.stride, width: width, height: height,
                    y: y, u: u, v: v)
    }
}
