/// Every buffer the network computes with, carved out of one allocation made once: parameters,
/// their gradients and momentum, one image's activations and their gradients. Nothing is
/// allocated per image or per batch (llm.c's layout).
///
/// Maps are channel-last ([y][x][channel]); parameters are laid out as `NetShape` says.
struct Workspace {
    let block: UnsafeMutableBufferPointer<Float>

    let parameters: UnsafeMutablePointer<Float>
    let gradients: UnsafeMutablePointer<Float>
    let velocity: UnsafeMutablePointer<Float>
    let conv2WeightT: UnsafeMutablePointer<Float>  // [3][3][f2][f1], for conv2's input gradient
    let conv2GradientT: UnsafeMutablePointer<Float>  // [3][3][f2][f1], conv2's weight gradient as it accumulates

    let input: UnsafeMutablePointer<Float>    // [28][28][1]
    let conv1: UnsafeMutablePointer<Float>    // [26][26][f1], before ReLU
    let pool1: UnsafeMutablePointer<Float>    // [13][13][f1]
    let conv2: UnsafeMutablePointer<Float>    // [11][11][f2], before ReLU
    let pool2: UnsafeMutablePointer<Float>    // [5][5][f2], also the dense layer's input
    let logits: UnsafeMutablePointer<Float>   // [10]
    let probabilities: UnsafeMutablePointer<Float>  // [10]

    let dLogits: UnsafeMutablePointer<Float>
    let dPool2: UnsafeMutablePointer<Float>
    let dConv2: UnsafeMutablePointer<Float>
    let dPool1: UnsafeMutablePointer<Float>
    let dConv1: UnsafeMutablePointer<Float>

    init(_ s: NetShape) {
        let p = s.parameterCount
        let c1 = s.conv1Side * s.conv1Side * s.filters1, p1 = s.pool1Side * s.pool1Side * s.filters1
        let c2 = s.conv2Side * s.conv2Side * s.filters2, p2 = s.flatCount
        let side = NetShape.side, k = NetShape.classes
        // Each view starts on a multiple of 16 floats (64 bytes, a cache line).
        let sizes = [p, p, p, s.conv2WeightCount, s.conv2WeightCount, side * side, c1, p1, c2, p2, k, k, k, p2, c2, p1, c1]
        let padded = sizes.map { ($0 + 15) / 16 * 16 }
        block = .allocate(capacity: padded.reduce(0, +) + 16)
        block.initialize(repeating: 0)
        let base = UnsafeMutableRawPointer(block.baseAddress!)
        let aligned = base.alignedUp(toMultipleOf: 64).assumingMemoryBound(to: Float.self)
        var views: [UnsafeMutablePointer<Float>] = []
        var offset = 0
        for size in padded {
            views.append(aligned + offset)
            offset += size
        }
        (parameters, gradients, velocity, conv2WeightT, conv2GradientT) = (views[0], views[1], views[2], views[3], views[4])
        (input, conv1, pool1, conv2, pool2, logits, probabilities) = (views[5], views[6], views[7], views[8], views[9], views[10], views[11])
        (dLogits, dPool2, dConv2, dPool1, dConv1) = (views[12], views[13], views[14], views[15], views[16])
    }

    func deallocate() { block.deallocate() }
}
