/// YUV4MPEG2 ("Y4M"), the uncompressed video stream `convviewer record` writes and hands to
/// encoders: one text header line, then per frame `FRAME\n` and the Y, U (Cb) and V (Cr) planes.
///
///     let header = Y4M.header(width: 1920, height: 1080, fps: 30)
///     // "YUV4MPEG2 W1920 H1080 F30:1 Ip A1:1 C420jpeg XCOLORRANGE=LIMITED\n"
///     let frame = try Y4MFrame(width: 1920, height: 1080)
///     frame.fill(from: surface)            // then write frame.bytes
///
/// The colours are BT.709 at limited ("TV", studio) range — luma 16…235, chroma 16…240 — the
/// range and matrix HD players assume, so an encoder only has to copy the planes. Chroma is
/// 4:2:0: each U and V sample is the average of a 2×2 block of pixels, whose centre is where
/// `C420jpeg` places chroma samples. 4:2:0 needs an even width and height.
public enum Y4M {
    /// The stream header, ending in a newline.
    public static func header(width: Int, height: Int, fps: Int) -> String {
        "YUV4MPEG2 W\(width) H\(height) F\(fps):1 Ip A1:1 C420jpeg XCOLORRANGE=LIMITED\n"
    }

    /// What starts every frame.
    public static let frameMarker = "FRAME\n"

    /// Bytes of one frame's three planes (without the marker): a full-size Y plane and two
    /// quarter-size chroma planes.
    public static func planeByteCount(width: Int, height: Int) -> Int {
        width * height + 2 * (width / 2) * (height / 2)
    }

    /// Bytes of one frame in the stream, marker included.
    public static func frameByteCount(width: Int, height: Int) -> Int {
        frameMarker.utf8.count + planeByteCount(width: width, height: height)
    }

    /// Fails unless a frame of this size can be written: positive, and even both ways for 4:2:0.
    public static func checkSize(width: Int, height: Int) throws {
        guard width > 0, height > 0 else { throw Y4MError.badSize(width: width, height: height) }
        guard width % 2 == 0, height % 2 == 0 else { throw Y4MError.oddSize(width: width, height: height) }
    }

    /// How many frames cover `seconds` at `fps`: frame k shows time k/fps, and the last one
    /// starts before `seconds` is up, so 20 s at 30 fps is 600 frames and 0.5 s at 30 fps is 15.
    /// At least one frame for any positive duration.
    public static func frameCount(seconds: Double, fps: Int) -> Int {
        guard seconds.isFinite, seconds > 0, fps > 0 else { return 0 }
        // 1e-9 of slack: a duration like 14.1 s × 30 fps is 423.00000000000006 in binary.
        return max(1, Int((seconds * Double(fps) - 1e-9).rounded(.up)))
    }
}

/// Why a frame cannot be written as 4:2:0 Y4M.
public enum Y4MError: Error, Equatable, CustomStringConvertible {
    case badSize(width: Int, height: Int)
    case oddSize(width: Int, height: Int)

    public var description: String {
        switch self {
        case let .badSize(w, h):
            return "a video frame cannot be \(w)x\(h) pixels"
        case let .oddSize(w, h):
            let even = "\(w + w % 2)x\(h + h % 2)"
            return "video needs an even width and height (4:2:0 chroma), and \(w)x\(h) is not: try --size \(even), or write a folder of PNGs"
        }
    }
}
