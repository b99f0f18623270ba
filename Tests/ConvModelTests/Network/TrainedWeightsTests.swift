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
        s.update(.useTrainedWeights(trained, name: "trained here, 3,200 images from He-normal, seed 0", file: nil))
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
        s.update(.useTrainedWeights(before.network!.source.weights, name: "trained here, 0 images", file: nil))
        XCTAssertEqual(s, before)
        var plain = try! AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!)
        let unchanged = plain
        var rng = SeededGenerator(seed: 99)
        plain.update(.useTrainedWeights(NetworkWeights.heNormal(.standard, using: &rng), name: "x", file: nil))
        XCTAssertEqual(plain, unchanged)
    }

    /// The code overlay opens the file the weights are in: the one loaded, then none after
    /// training (the lines say so and how to save), then the one `s` wrote. Saving the same
    /// weights later gives them that file and keeps their name.
    func testTheCodeOverlayNamesTheFileTheWeightsAreIn() {
        var s = makeNetworkState()
        func opened() -> String? { s.codeSnippets.flatMap(\.lines).first { $0.hasPrefix("with open(") } }
        func lines() -> String { s.codeSnippets.flatMap(\.lines).joined(separator: "\n") }
        XCTAssertEqual(opened(), "with open(\"test-8-16.json\") as f:")
        XCTAssertFalse(lines().contains("no file"))

        var rng = SeededGenerator(seed: 99)
        let trained = NetworkWeights.heNormal(.standard, using: &rng)
        s.update(.useTrainedWeights(trained, name: "trained here, 3,200 images", file: nil))
        XCTAssertNil(s.network?.source.file)
        XCTAssertEqual(opened(), "with open(\"weights-N.json\") as f:")
        XCTAssertTrue(lines().contains("in no file yet"), lines())
        XCTAssertTrue(lines().contains("press s in the learn view"), lines())
        XCTAssertTrue(s.codeSnippets.flatMap(\.lines).allSatisfy { $0.count <= CodeSnippet.maxLineLength })

        s.update(.useTrainedWeights(trained, name: "trained here, 3,200 images, again", file: "weights-2.json"))
        XCTAssertEqual(opened(), "with open(\"weights-2.json\") as f:")
        XCTAssertFalse(lines().contains("no file"))
        XCTAssertEqual(s.network?.source.name, "trained here, 3,200 images", "the same weights keep their name")

        let more = NetworkWeights.heNormal(.standard, using: &rng)
        s.update(.useTrainedWeights(more, name: "trained here, 6,400 images", file: nil))
        XCTAssertNil(s.network?.source.file, "trained on after saving: in no file")
        XCTAssertEqual(opened(), "with open(\"weights-N.json\") as f:")
    }
}
