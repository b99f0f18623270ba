import ConvRender
import Foundation

/// Numbered PNG frames in a folder: `frame-00001.png`, `frame-00002.png`, … (more digits when
/// there are more than 99999 frames). Cairo writes no time stamp into a PNG, so the same frames
/// give the same files.
final class PNGFolderSink: FrameSink {
    let folder: String
    private let digits: Int
    private var written = 0
    /// The last PNG encoded, copied for frames that did not change instead of encoding them again.
    private var lastEncoded: String?
    private var lastBytes: Data?

    /// Creates the folder (and its parents) when missing; a path that cannot be a folder is a `CLIError`.
    /// A folder that already holds frames (`frame-N.png`) of an earlier run is refused, since the
    /// old frames past this run's last would be taken for part of it; with `replacing` those frames
    /// (and only those) are removed first.
    init(folder: String, frameCount: Int, replacing: Bool = false) throws {
        self.folder = folder
        digits = max(5, String(frameCount).count)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw CLIError("cannot write frames into '\(folder)': it is a file, not a folder") }
            try PNGFolderSink.clearOldFrames(in: folder, replacing: replacing)
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError("cannot create the folder '\(folder)': \(RecordCommand.reason(error))")
            }
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw CLIError("cannot write frames into '\(folder)': the folder is not writable")
        }
    }

    /// Whether a file name is one this sink writes: `frame-` then digits, then `.png`.
    static func isFrameName(_ name: String) -> Bool {
        guard name.hasPrefix("frame-"), name.hasSuffix(".png") else { return false }
        let digits = name.dropFirst("frame-".count).dropLast(".png".count)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func clearOldFrames(in folder: String, replacing: Bool) throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter(isFrameName)
        guard !names.isEmpty else { return }
        guard replacing else {
            throw CLIError("'\(folder)' already holds \(names.count) frames of an earlier recording: "
                + "give --force to remove them first, or another folder")
        }
        for name in names {
            do {
                try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
            } catch {
                throw CLIError("cannot remove the old frame '\(name)' in '\(folder)': \(RecordCommand.reason(error))")
            }
        }
    }

    func path(ofFrame number: Int) -> String {
        let n = String(number)
        return (folder as NSString).appendingPathComponent("frame-" + String(repeating: "0", count: max(0, digits - n.count)) + n + ".png")
    }

    func write(_ surface: ImageSurface, changed: Bool) throws {
        written += 1
        let path = path(ofFrame: written)
        if !changed, let source = lastEncoded {
            if lastBytes == nil { lastBytes = FileManager.default.contents(atPath: source) }
            if let bytes = lastBytes {
                guard FileManager.default.createFile(atPath: path, contents: bytes) else {
                    throw CLIError("cannot write '\(path)'")
                }
                return
            }
        }
        do {
            try surface.writePNG(to: path)
        } catch {
            throw CLIError("\(error)")
        }
        lastEncoded = path
        lastBytes = nil
    }

    func finish() throws {}
}
