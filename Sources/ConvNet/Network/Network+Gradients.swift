/// The gradient of the last SGD step, for showing how the filters are being pushed.
extension Network {
    /// The mean gradient over the last batch trained, in PyTorch's shapes (the loss's derivative
    /// by each weight and bias); nil until a batch has been trained with `keepsGradients` set.
    public var lastGradients: NetworkWeights? {
        guard lastGradient.count == shape.parameterCount else { return nil }
        return lastGradient.withUnsafeBufferPointer { Network.pytorchLayout($0.baseAddress!, shape) }
    }

    func keepGradient(scale: Float) {
        let n = shape.parameterCount
        if lastGradient.count != n { lastGradient = [Float](repeating: 0, count: n) }
        lastGradient.withUnsafeMutableBufferPointer { out in
            for i in 0..<n { out[i] = ws.gradients[i] * scale }
        }
    }
}
