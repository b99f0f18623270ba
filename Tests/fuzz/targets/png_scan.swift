// Fuzz target: the byte-level PNG chunk scan made before libpng reads a file.
// Needs: ConvModel
@testable import ConvModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNGScan(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = UnsafeRawBufferPointer(start: data, count: size)
    do {
        let (w, h) = try PNGChunkScan.check(raw, name: "fuzz.png")
        precondition(w >= 1 && h >= 1 && w <= Limits.imageSide && h <= Limits.imageSide)
        precondition(w * h <= Limits.imagePixels)
    } catch is ImageLoadError {
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return 0
}
