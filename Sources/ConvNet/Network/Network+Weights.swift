/// Between PyTorch's layout (`NetworkWeights`) and the workspace's (`NetShape`'s offsets).
extension Network {
    /// The weights now, in PyTorch's shapes.
    public var weights: NetworkWeights { Network.pytorchLayout(ws.parameters, shape) }

    /// A parameter-sized block in the workspace's layout, in PyTorch's shapes.
    static func pytorchLayout(_ p: UnsafePointer<Float>, _ s: NetShape) -> NetworkWeights {
        let shapes = NetworkWeights.shapes(for: s)
        var t = shapes.map { Tensor(zeros: $0) }
        for i in 0..<t[0].count { t[0].values[i] = p[s.conv1WeightOffset + Network.conv1Index(i, s)] }
        for i in 0..<t[1].count { t[1].values[i] = p[s.conv1BiasOffset + i] }
        for i in 0..<t[2].count { t[2].values[i] = p[s.conv2WeightOffset + Network.conv2Index(i, s)] }
        for i in 0..<t[3].count { t[3].values[i] = p[s.conv2BiasOffset + i] }
        for i in 0..<t[4].count { t[4].values[i] = p[s.denseWeightOffset + Network.denseIndex(i, s)] }
        for i in 0..<t[5].count { t[5].values[i] = p[s.denseBiasOffset + i] }
        return NetworkWeights(tensors: t)
    }

    /// Replaces the weights (same filter counts); the momentum is kept.
    public func setWeights(_ w: NetworkWeights) {
        precondition(w.shape == shape, "weights for \(w.shape.label), network is \(shape.label)")
        let s = shape, p = ws.parameters
        for i in 0..<w.conv1Weight.count { p[s.conv1WeightOffset + Network.conv1Index(i, s)] = w.conv1Weight.values[i] }
        for i in 0..<w.conv1Bias.count { p[s.conv1BiasOffset + i] = w.conv1Bias.values[i] }
        for i in 0..<w.conv2Weight.count { p[s.conv2WeightOffset + Network.conv2Index(i, s)] = w.conv2Weight.values[i] }
        for i in 0..<w.conv2Bias.count { p[s.conv2BiasOffset + i] = w.conv2Bias.values[i] }
        for i in 0..<w.denseWeight.count { p[s.denseWeightOffset + Network.denseIndex(i, s)] = w.denseWeight.values[i] }
        for i in 0..<w.denseBias.count { p[s.denseBiasOffset + i] = w.denseBias.values[i] }
        refreshTransposedWeights()
    }

    /// PyTorch [co][0][dy][dx] at flat i → workspace [dy][dx][0][co].
    static func conv1Index(_ i: Int, _ s: NetShape) -> Int {
        let co = i / 9, tap = i % 9
        return tap * s.filters1 + co
    }

    /// PyTorch [co][ci][dy][dx] at flat i → workspace [dy][dx][ci][co].
    static func conv2Index(_ i: Int, _ s: NetShape) -> Int {
        let tap = i % 9, ci = (i / 9) % s.filters1, co = i / (9 * s.filters1)
        return (tap * s.filters1 + ci) * s.filters2 + co
    }

    /// PyTorch [j][c·25 + y·5 + x] at flat i → workspace [j][(y·5 + x)·f2 + c].
    static func denseIndex(_ i: Int, _ s: NetShape) -> Int {
        let area = s.pool2Side * s.pool2Side
        let j = i / s.flatCount, k = i % s.flatCount
        let c = k / area, yx = k % area
        return j * s.flatCount + yx * s.filters2 + c
    }
}
