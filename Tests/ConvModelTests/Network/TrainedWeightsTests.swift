import XCTest
import ConvModel
import ConvNet

final class TrainedWeightsTests: XCTestCase {
    /// Leaving the learn view in network mode: the network from then on is the trained one. The
    /// panels' kernel and bias are its conv1 filter (the one chosen before), the pass is its pass.
    func testTrainedWeightsBecomeTheNetwork() {
        var s = makeNetworkState()
        s.update(.selectNetworkFilter(2))
        var rng = SeededGenerator(seed: 99)
        let trained = NetworkWeights.heNormal(.standard, using: &rng)
        s.update(.useTrainedWeights(trained, name: "trained here, 3,200 images from He-normal, seed 0"))
        XCTAssertEqual(s.network?.source.weights, trained)
        XCTAssertEqual(s.network?.source.name, "trained here, 3,200 images from He-normal, seed 0")
        XCTAssertEqual(s.network?.filter, 2)
        XCTAssertEqual(s.kernel.weights, Array(trained.conv1Weight.values[18..<27]), "filter 3 of the trained network")
        XCTAssertEqual(s.settings.bias, trained.conv1Bias.values[2])
        let net = Network(trained)
        _ = net.classify(values: s.image.grid.values)
        XCTAssertEqual(s.network?.pass.probabilities, net.probabilities)
    }

    /// The same weights again (nothing trained since `End`) change nothing, not even the name;
    /// outside network mode there is no network to give them to.
    func testSameWeightsOrNoNetworkModeChangeNothing() {
        var s = makeNetworkState()
        let before = s
        s.update(.useTrainedWeights(before.network!.source.weights, name: "trained here, 0 images"))
        XCTAssertEqual(s, before)
        var plain = try! AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!)
        let unchanged = plain
        var rng = SeededGenerator(seed: 99)
        plain.update(.useTrainedWeights(NetworkWeights.heNormal(.standard, using: &rng), name: "x"))
        XCTAssertEqual(plain, unchanged)
    }
}
