// Fuzz target: the PGM/PPM decoder (P2, P3, P5, P6) on arbitrary bytes.
// Needs: ConvModel
@testable import ConvModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNM(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let grid = try PNMDecoder.decode(bytes, name: "fuzz.pgm")
        // A decoded image holds exactly its declared pixels, each in [0, 1], within the limits.
        precondition(grid.values.count == grid.width * grid.height)
        precondition(grid.width * grid.height <= Limits.imagePixels)
        precondition(grid.values.allSatisfy { $0 >= 0 && $0 <= 1 })
    } catch is ImageLoadError {
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return 0
}
