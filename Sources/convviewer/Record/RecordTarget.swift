import Foundation

/// What `record -o OUT` writes, told from OUT: `-` is a Y4M stream on stdout; an existing folder,
/// a path ending in `/` or one without an extension is a folder of PNGs; `.y4m` is a Y4M file;
/// `.mp4`, `.webm` and `.gif` go through ffmpeg.
enum RecordTarget: Equatable {
    case pngFolder(String)
    case y4mFile(String)
    case stdout
    case video(String, FFmpegSink.Format)

    static func parse(_ out: String) throws -> RecordTarget {
        guard !out.isEmpty else { throw CLIError("-o needs a folder, a .y4m, .mp4, .webm or .gif file, or '-'") }
        if out == "-" { return .stdout }
        var isFolder: ObjCBool = false
        if out.hasSuffix("/") || (FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) && isFolder.boolValue) {
            return .pngFolder(out)
        }
        let ext = (out as NSString).pathExtension.lowercased()
        if ext.isEmpty { return .pngFolder(out) }
        if ext == "y4m" { return .y4mFile(out) }
        if let format = FFmpegSink.Format(rawValue: ext) { return .video(out, format) }
        if ext == "png" {
            throw CLIError("record writes numbered PNGs into a folder: give a folder such as 'frames/' instead of '\(out.singleLine)'")
        }
        throw CLIError("cannot tell what to write from '\(out.singleLine)': give a folder (ending in '/'), "
                       + "a .y4m file, '-' for a Y4M stream on stdout, or a .mp4, .webm or .gif file (through ffmpeg)")
    }

    /// Y4M and video are 4:2:0, which needs an even width and height; PNGs take any size.
    var needsEvenSize: Bool {
        if case .pngFolder = self { return false }
        return true
    }

    /// For messages: where the frames went.
    var name: String {
        switch self {
        case let .pngFolder(p): return "'\(p)'"
        case let .y4mFile(p): return "'\(p)'"
        case .stdout: return "stdout"
        case let .video(p, _): return "'\(p)'"
        }
    }

    /// Fails with a `CLIError` unless the file at `path` can be created: its folder exists and is writable.
    static func checkFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let shown = folder.isEmpty ? "." : folder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: shown, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError("cannot write '\(path.singleLine)': there is no folder '\(shown.singleLine)'")
        }
        guard FileManager.default.isWritableFile(atPath: shown) else {
            throw CLIError("cannot write '\(path.singleLine)': the folder '\(shown.singleLine)' is not writable")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw CLIError("cannot write '\(path.singleLine)': it is a folder")
        }
    }
}
