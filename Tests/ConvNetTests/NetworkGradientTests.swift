import XCTest
@testable import ConvNet

/// The whole network's gradient against central finite differences of its loss.
final class NetworkGradientTests: XCTestCase {
    func testWholeNetworkGradientMatchesFiniteDifferences() {
        for (seed, f1, f2) in [(UInt64(21), 8, 16), (22, 16, 8)] {
            var rng = SeededGenerator(seed: seed)
            let shape = try! NetShape(filters1: f1, filters2: f2)
            let net = Network(.heNormal(shape, using: &rng))
            // Random biases too, so that every part of every layer is exercised.
            var w = net.weights
            w.conv1Bias.values = rng.floats(f1, -0.1, 0.1)
            w.conv2Bias.values = rng.floats(f2, -0.1, 0.1)
            w.denseBias.values = rng.floats(10, -0.1, 0.1)
            net.setWeights(w)
            let image = rng.floats(784, 0, 1), label = rng.below(10)
            _ = net.classify(values: image)
            net.zeroGradients()
            net.backward(label: label)
            net.collectGradients()
            let count = shape.parameterCount
            var checked = 0, bad = 0
            // Every bias and a sample of the weights of each layer.
            let sample = (0..<count).filter { _ in rng.below(6) == 0 }
                + Array(shape.conv1BiasOffset..<shape.conv2WeightOffset) + Array(shape.conv2BiasOffset..<shape.denseWeightOffset)
            for i in sample {
                let keep = net.ws.parameters[i], h: Float = 2e-4
                net.ws.parameters[i] = keep + h
                _ = net.classify(values: image)
                let up = net.loss(label: label)
                net.ws.parameters[i] = keep - h
                _ = net.classify(values: image)
                let down = net.loss(label: label)
                net.ws.parameters[i] = keep
                let numeric = (up - down) / (2 * Double(h)), analytic = Double(net.ws.gradients[i])
                checked += 1
                if abs(numeric - analytic) > 3e-3 + 3e-2 * abs(analytic) { bad += 1 }
            }
            // A step may cross a ReLU kink or swap a pool's maximum; allow at most 1 in 200 of those.
            XCTAssertGreaterThan(checked, 500)
            XCTAssertLessThanOrEqual(bad, checked / 200, "\(bad) of \(checked) gradients disagree (\(shape.label))")
        }
    }
}
