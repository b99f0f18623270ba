import ConvModel
import ConvRender

/// Turns the `--input` text into an image: a built-in name first, then an empty canvas to paint
/// on (`blank:WxH`), else a file path.
enum InputSource {
    static func load(_ spec: String, maxSide: Int?) throws -> NamedImage {
        if let builtin = BuiltinImages.named(spec) { return builtin }
        if let blank = try BlankCanvas.parse(spec) { return blank }
        if !spec.contains("/") && !spec.contains(".") {
            throw CLIError("unknown input '\(spec.singleLine)' (built in: \(BuiltinImages.names.joined(separator: ", ")); blank:WxH to paint on; or give a PNG/PGM/PPM file)")
        }
        return try ImageFile.load(path: spec, maxSide: maxSide)
    }
}
