// Fuzz target: the whole PNG loading path — the chunk scan, then libpng through cairo, then the
// conversion to gray — on arbitrary bytes that start with the PNG signature.
// Needs: ConvModel ConvRender
@testable import ConvModel
@testable import ConvRender

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNGLoad(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // Every input is made a PNG candidate, so the fuzzer spends its time past the signature.
    let bytes = PNGChunkScan.signature + Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let grid = try bytes.withUnsafeBytes { try PNGFile.decode($0, name: "fuzz.png") }
        precondition(grid.values.count == grid.width * grid.height)
        precondition(grid.values.allSatisfy { $0 >= 0 && $0 <= 1.0001 })
    } catch is ImageLoadError {
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return 0
}
