import ConvModel
import Foundation

/// The command line as the bytes the kernel passed. Swift turns an argument that is not UTF-8
/// into a String with U+FFFD in place of the bad bytes, so a file name such as `$'\xff.png'`
/// would be opened or written under a different name; such arguments are refused instead.
enum ArgumentBytes {
    /// One line naming the first argument that is not valid UTF-8, or nil when all are.
    static func notUTF8Message() -> String? {
        for i in 1 ..< Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[i] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self),
                                            count: strlen(raw))
            if String(validating: bytes, as: UTF8.self) == nil {
                return "argument \(i) ('\(Limits.quoted(String(decoding: bytes, as: UTF8.self)))') is not valid UTF-8; "
                    + "file names must be UTF-8 (rename the file)"
            }
        }
        return nil
    }
}
