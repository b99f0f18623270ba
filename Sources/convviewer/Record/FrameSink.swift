import ConvRender

/// Where `record` puts its frames: a folder of PNGs, a Y4M file or stream, or ffmpeg.
///
/// Frames come in order, each as the surface the renderer just drew. When `changed` is false the
/// surface holds the same picture as the frame before, and a sink may reuse what it made of it.
protocol FrameSink: AnyObject {
    func write(_ surface: ImageSurface, changed: Bool) throws
    /// Called once after the last frame: flush, close, wait for whatever finishes the file.
    func finish() throws
}
