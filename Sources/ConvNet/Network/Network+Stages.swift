/// One stage of a forward pass, in PyTorch's layout: maps [channel][row][column], vectors flat.
public struct NetStage: Equatable, Sendable {
    public let name: String
    public let tensor: Tensor
}

extension Network {
    /// Every stage of DESIGN.md's table for one image (28×28 values in [0, 1], row-major), in
    /// order: input, conv1, relu1, pool1, conv2, relu2, pool2, flatten, dense, softmax.
    /// This allocates; it is for showing a pass, not for speed.
    public func stages(values: [Float]) -> [NetStage] {
        _ = classify(values: values, complete: true)
        let s = shape
        func map(_ p: UnsafeMutablePointer<Float>, side: Int, channels: Int, relu: Bool = false) -> Tensor {
            var t = Tensor(zeros: [channels, side, side])
            for c in 0..<channels {
                for y in 0..<side {
                    for x in 0..<side {
                        let v = p[(y * side + x) * channels + c]
                        t.values[(c * side + y) * side + x] = relu ? max(0, v) : v
                    }
                }
            }
            return t
        }
        func vector(_ p: UnsafeMutablePointer<Float>, _ n: Int) -> Tensor {
            Tensor(shape: [n], values: Array(UnsafeBufferPointer(start: p, count: n)))
        }
        let pool2 = map(ws.pool2, side: s.pool2Side, channels: s.filters2)
        return [
            NetStage(name: "input", tensor: map(ws.input, side: NetShape.side, channels: 1)),
            NetStage(name: "conv1", tensor: map(ws.conv1, side: s.conv1Side, channels: s.filters1)),
            NetStage(name: "relu1", tensor: map(ws.conv1, side: s.conv1Side, channels: s.filters1, relu: true)),
            NetStage(name: "pool1", tensor: map(ws.pool1, side: s.pool1Side, channels: s.filters1)),
            NetStage(name: "conv2", tensor: map(ws.conv2, side: s.conv2Side, channels: s.filters2)),
            NetStage(name: "relu2", tensor: map(ws.conv2, side: s.conv2Side, channels: s.filters2, relu: true)),
            NetStage(name: "pool2", tensor: pool2),
            // Channel-major, as PyTorch flattens NCHW: the pool2 tensor's values in order.
            NetStage(name: "flatten", tensor: Tensor(shape: [s.flatCount], values: pool2.values)),
            NetStage(name: "dense", tensor: vector(ws.logits, NetShape.classes)),
            NetStage(name: "softmax", tensor: vector(ws.probabilities, NetShape.classes)),
        ]
    }
}
