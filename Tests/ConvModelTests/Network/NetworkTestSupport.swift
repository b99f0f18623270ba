import ConvModel
import ConvNet

/// A network with He-normal weights from a fixed seed and `count` test images of fixed noise
/// (labels 0, 1, 2, …): enough to drive network mode without any file.
func makeNetworkSource(seed: UInt64 = 7, count: Int = 3) -> NetworkSource {
    var rng = SeededGenerator(seed: seed)
    let weights = NetworkWeights.heNormal(.standard, using: &rng)
    var pixels: [UInt8] = []
    for i in 0..<count {
        for k in 0..<784 { pixels.append(UInt8((k * 37 + i * 101 + (k / 28) * 13) % 256)) }
    }
    let set = ImageSet(rows: 28, columns: 28, pixels: pixels, labels: (0..<count).map { UInt8($0 % 10) })
    return NetworkSource(name: "test-8-16", weights: weights, classes: ClassNames.fashion, testImages: set,
                         testSource: "made-up test images", file: "test-8-16.json")
}

/// A paused state in network mode on test image 0, in a window of this size.
func makeNetworkState(width: Int = 1280, height: Int = 800, source: NetworkSource = makeNetworkSource()) -> AppState {
    var s = try! AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!, playing: false,
                          windowWidth: width, windowHeight: height)
    s.update(.setNetworkSource(source))
    s.update(.toggleNetwork)
    return s
}
