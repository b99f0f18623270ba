import ConvModel
import ConvRender

/// Turns the `--input` text into an image: a built-in name first, else a file path.
enum InputSource {
    static func load(_ spec: String, maxSide: Int?) throws -> NamedImage {
        if let builtin = BuiltinImages.named(spec) { return builtin }
        if !spec.contains("/") && !spec.contains(".") {
            throw CLIError("unknown input '\(spec.singleLine)' (built in: \(BuiltinImages.names.joined(separator: ", ")); or give a PNG/PGM/PPM file)")
        }
        return try ImageFile.load(path: spec, maxSide: maxSide)
    }
}
