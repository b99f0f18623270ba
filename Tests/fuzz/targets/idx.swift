// Fuzz target: ConvNet's IDX parser (MNIST-style data files) on arbitrary bytes.
// Needs: ConvNet
@testable import ConvNet

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let a = try IDX.parse(bytes)
        precondition(a.values.count == a.dimensions.reduce(1, *))
    } catch {
        // IDXError: every failure is a value, never a trap.
    }
    return 0
}
