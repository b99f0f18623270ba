/// The small CNN of DESIGN.md ("The network"), ready to classify and to train.
///
///     let net = Network(NetworkWeights.heNormal(.standard, using: &rng))
///     let best = net.classify(pixels: image)        // 784 bytes, row-major
///     net.probabilities                             // the ten class probabilities
///
/// It owns one `Workspace`; the passes below only read and write it. Not thread-safe: one
/// network per thread.
public final class Network {
    public let shape: NetShape
    let ws: Workspace
    /// When set, `update` keeps the batch's mean gradient (workspace layout) for `lastGradients`.
    public var keepsGradients = false
    var lastGradient: [Float] = []

    public init(_ weights: NetworkWeights) {
        shape = weights.shape
        ws = Workspace(shape)
        setWeights(weights)
    }

    deinit { ws.deallocate() }

    // MARK: forward

    /// Classifies one 28×28 image given as bytes (value / 255), returns the most probable class.
    public func classify(pixels: UnsafeBufferPointer<UInt8>) -> Int {
        loadInput(pixels)
        forward()
        return predicted
    }

    /// Classifies one 28×28 image given as values in [0, 1], row-major; `complete` also computes
    /// the parts of conv2 that the pool drops (for showing every stage).
    public func classify(values: [Float], complete: Bool = false) -> Int {
        precondition(values.count == NetShape.side * NetShape.side, "the network takes 28×28 values")
        for i in values.indices { ws.input[i] = values[i] }
        forward(complete: complete)
        return predicted
    }

    /// The class probabilities of the last image classified or trained on.
    public var probabilities: [Float] { Array(UnsafeBufferPointer(start: ws.probabilities, count: NetShape.classes)) }

    /// The most probable class of the last image (the first, on a tie).
    public var predicted: Int {
        var best = 0
        for j in 1..<NetShape.classes where ws.probabilities[j] > ws.probabilities[best] { best = j }
        return best
    }

    func loadInput(_ pixels: UnsafeBufferPointer<UInt8>) {
        precondition(pixels.count == NetShape.side * NetShape.side, "the network takes 28×28 pixels")
        for i in 0..<pixels.count { ws.input[i] = Float(pixels[i]) / 255 }
    }

    /// input → conv1 → ReLU+pool → conv2 → ReLU+pool → dense → softmax, in the workspace.
    /// Unless `complete`, conv2's last row and column, which its pool drops, are not computed.
    func forward(complete: Bool = false) {
        let s = shape, p = ws.parameters
        Conv3x3.forward(output: ws.conv1, input: ws.input, weight: p + s.conv1WeightOffset, bias: p + s.conv1BiasOffset,
                        side: NetShape.side, cin: 1, cout: s.filters1)
        ReLUMaxPool.forward(output: ws.pool1, input: ws.conv1, side: s.conv1Side, channels: s.filters1)
        Conv3x3.forward(output: ws.conv2, input: ws.pool1, weight: p + s.conv2WeightOffset, bias: p + s.conv2BiasOffset,
                        side: s.pool1Side, active: complete ? s.conv2Side : 2 * s.pool2Side, cin: s.filters1, cout: s.filters2)
        ReLUMaxPool.forward(output: ws.pool2, input: ws.conv2, side: s.conv2Side, channels: s.filters2)
        Dense.forward(output: ws.logits, input: ws.pool2, weight: p + s.denseWeightOffset, bias: p + s.denseBiasOffset,
                      n: s.flatCount, m: NetShape.classes)
        SoftmaxCrossEntropy.forward(probabilities: ws.probabilities, logits: ws.logits, m: NetShape.classes)
    }

    // MARK: backward and update

    /// Adds this image's loss gradient (for `label`) to the gradients; `forward` ran first.
    /// `collectGradients` makes the gradient block complete (`update` calls it).
    func backward(label: Int) {
        let s = shape, p = ws.parameters, g = ws.gradients
        SoftmaxCrossEntropy.backward(dLogits: ws.dLogits, probabilities: ws.probabilities, label: label, m: NetShape.classes)
        Dense.backward(dInput: ws.dPool2, dWeight: g + s.denseWeightOffset, dBias: g + s.denseBiasOffset,
                       dOutput: ws.dLogits, input: ws.pool2, weight: p + s.denseWeightOffset, n: s.flatCount, m: NetShape.classes)
        ReLUMaxPool.backward(dInput: ws.dConv2, dOutput: ws.dPool2, input: ws.conv2, output: ws.pool2,
                             side: s.conv2Side, channels: s.filters2)
        // Only the outputs the pool reads carry a gradient: 10×10 of conv2's 11×11, and of
        // those at most one in four per channel.
        ws.dPool1.update(repeating: 0, count: s.pool1Side * s.pool1Side * s.filters1)
        Conv3x3.backwardSparse(dWeightT: ws.conv2GradientT, dBias: g + s.conv2BiasOffset, dInput: ws.dPool1, dOutput: ws.dConv2,
                               input: ws.pool1, weightT: ws.conv2WeightT, side: s.pool1Side, active: 2 * s.pool2Side,
                               cin: s.filters1, cout: s.filters2)
        ReLUMaxPool.backward(dInput: ws.dConv1, dOutput: ws.dPool1, input: ws.conv1, output: ws.pool1,
                             side: s.conv1Side, channels: s.filters1)
        Conv3x3.backwardParameters(dWeight: g + s.conv1WeightOffset, dBias: g + s.conv1BiasOffset, dOutput: ws.dConv1,
                                   input: ws.input, side: NetShape.side, active: 2 * s.pool1Side, cin: 1, cout: s.filters1)
    }

    /// The loss of the last forward pass against `label`.
    func loss(label: Int) -> Double {
        SoftmaxCrossEntropy.loss(logits: ws.logits, label: label, m: NetShape.classes)
    }

    /// Brings conv2's weight gradient, kept transposed while it accumulates, into the block.
    func collectGradients() {
        Conv3x3.addTransposed(ws.conv2GradientT, into: ws.gradients + shape.conv2WeightOffset,
                              cin: shape.filters1, cout: shape.filters2)
    }

    func zeroGradients() {
        ws.gradients.update(repeating: 0, count: shape.parameterCount)
        ws.conv2GradientT.update(repeating: 0, count: shape.conv2WeightCount)
    }

    /// SGD with momentum in PyTorch's form, g the mean gradient over the batch:
    /// v ← μ·v + g;  w ← w − lr·v. The gradient block is zeroed for the next batch.
    func update(learningRate lr: Float, momentum mu: Float, batchSize: Int) {
        collectGradients()
        let scale = 1 / Float(batchSize)
        if keepsGradients { keepGradient(scale: scale) }
        for i in 0..<shape.parameterCount {
            let v = mu * ws.velocity[i] + ws.gradients[i] * scale
            ws.velocity[i] = v
            ws.parameters[i] -= lr * v
        }
        zeroGradients()
        refreshTransposedWeights()
    }

    func refreshTransposedWeights() {
        Conv3x3.transpose(ws.parameters + shape.conv2WeightOffset, into: ws.conv2WeightT,
                          cin: shape.filters1, cout: shape.filters2)
    }

    /// Forgets the momentum (a fresh optimiser, as when training starts from a file).
    public func resetMomentum() {
        ws.velocity.update(repeating: 0, count: shape.parameterCount)
    }
}
