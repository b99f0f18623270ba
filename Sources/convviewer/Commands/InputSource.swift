import ConvModel
import ConvRender
import Foundation

/// Turns the `--input` text into an image: a built-in name first, then an empty canvas to paint
/// on (`blank:WxH`), else a file path.
enum InputSource {
    static func load(_ spec: String, maxSide: Int?) throws -> NamedImage {
        if let builtin = BuiltinImages.named(spec) { return builtin }
        if let blank = try BlankCanvas.parse(spec) { return blank }
        if !spec.contains("/") && !spec.contains(".") {
            throw CLIError("unknown input '\(Limits.quoted(spec))' (built in: \(BuiltinImages.names.joined(separator: ", ")); blank:WxH to paint on; or give a PNG/PGM/PPM file)")
        }
        let full = try ImageFile.load(path: spec, maxSide: nil)
        guard let m = maxSide, max(full.grid.width, full.grid.height) > m else { return full }
        let shrunk = NamedImage(name: full.name, grid: full.grid.shrunk(toMaxSide: m))
        // Said, so that sizes and numbers computed from the image are not taken for the file's own.
        FileHandle.standardError.write(Data(("convviewer: --max-size \(m) shrank \(full.name.singleLine) from "
            + "\(full.grid.width)×\(full.grid.height) to \(shrunk.grid.width)×\(shrunk.grid.height)\n").utf8))
        return shrunk
    }
}
