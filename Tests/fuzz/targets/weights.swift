// Fuzz target: ConvNet's JSON parser and the weights-file loader (`--weights FILE`) on arbitrary
// bytes; a file that loads must build a network and run its forward pass without a trap or a
// memory error (AddressSanitizer watches the workspace's buffers).
// Needs: ConvNet
@testable import ConvNet

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWeights(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? JSONValue.parse(bytes)
    guard let file = try? WeightsFile.decode(bytes) else { return 0 }
    let net = Network(file.weights)
    _ = net.classify(values: [Float](repeating: 0.5, count: NetShape.side * NetShape.side))
    precondition(net.probabilities.count == NetShape.classes)
    return 0
}
