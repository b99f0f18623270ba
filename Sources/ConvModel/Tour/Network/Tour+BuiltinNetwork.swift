extension Tour {
    /// The built-in tour's scenes of the trained network, shown after "One layer of many": random
    /// filters becoming learned ones, the trained network on a test picture, what four stages of
    /// the strip hold, and a picture painted on a blank canvas and classified as it grows.
    ///
    /// Test image 0 is an ankle boot both in the data set's test set and in the 100-image sample
    /// shipped with the weights (its first 100 images), so the scenes look the same with and
    /// without the data set. Only the learn view trains on what is there, and says which.
    static let networkScenes: [TourScene] = [
        networkScene("Filters are learned, not designed",
                     "Nobody chose these weights: the eight first-layer filters start as random noise, and each batch "
                         + "of 32 labelled pictures nudges every weight towards fewer mistakes. Edge and blob detectors "
                         + "take shape while the test accuracy climbs.",
                     seconds: 32, NetworkScene(learning: learnScene)),
        networkScene("The trained network at work",
                     "This is the network convviewer ships, trained the same way for longer. One of its first-layer "
                         + "filters slides over a test picture exactly as the hand-made kernels did; only its nine weights came "
                         + "from examples instead of from a person.",
                     seconds: 14, NetworkScene(input: .test(0), filter: 2), speed: 96, playing: true, hold: true),
        networkScene("Inside the strip: conv1",
                     "Each box of the strip opens with a click. The first convolution gives eight 26×26 maps, one per "
                         + "learned filter; each lights up where its own pattern appears: an edge in one direction, "
                         + "a bright patch, a dark one.",
                     seconds: 12, NetworkScene(input: .test(0), stage: NetStages.conv1)),
        networkScene("Inside the strip: conv2",
                     "A second-layer filter reads all eight pooled maps at once through 3×3×8 weights, drawn on the "
                         + "left for the filter under the pointer. Its sixteen 11×11 maps are coarser, and each one "
                         + "mixes several first-layer features.",
                     seconds: 12, NetworkScene(input: .test(0), stage: NetStages.conv2)),
        networkScene("Inside the strip: flatten",
                     "The sixteen 5×5 maps of the last pooling are laid end to end as one list of 400 numbers. "
                         + "Nothing is computed here: from now on the picture is just a long vector.",
                     seconds: 11, NetworkScene(input: .test(0), stage: NetStages.flatten)),
        networkScene("Inside the strip: softmax",
                     "A dense layer weighs all 400 numbers once for each of the ten classes, and softmax turns the ten "
                         + "scores into probabilities that add up to one. The longest bar is the answer; the picture's "
                         + "true class is marked beside it.",
                     seconds: 12, NetworkScene(input: .test(0), stage: NetStages.softmax)),
        networkScene("Paint, and it answers",
                     "On a black canvas a few white strokes are painted. Each one runs the whole network again at "
                         + "once, so the bars follow the brush: a waistband and two long legs are all it needs to see trousers.",
                     seconds: 20, NetworkScene(input: .canvas, stage: NetStages.softmax, brush: 3),
                     cues: paintedTrousers),
    ]

    /// The learn scene's training: 20 batches a second of the tour, in 5 bursts: 636 batches by
    /// the last burst of its 32 seconds, with the test accuracy measured at 0, 300 and 600.
    static let learnScene = NetworkScene.Learning(seed: 0, batchesPerSecond: 20, updatesPerSecond: 5)

    /// The paint scene's strokes, white on the 28×28 canvas with a brush of side 3: a waistband
    /// (rows 1–7, columns 8–19), then the left leg (columns 8–12) and the right one (15–19) down
    /// to row 26, each in four strokes a second apart. The shipped network calls the waistband
    /// alone, and with one leg, a T-shirt, and the whole a pair of trousers (the tests check it).
    static let paintedTrousers: [TourCue] = {
        func stroke(_ at: Double, _ r0: Int, _ c0: Int, _ r1: Int, _ c1: Int) -> TourCue {
            TourCue(at: at, [.paintStroke(fromRow: r0, fromCol: c0, toRow: r1, toCol: c1, value: 1)])
        }
        func leg(from at: Double, columns: (Int, Int)) -> [TourCue] {
            [stroke(at, 8, columns.0, 16, columns.0), stroke(at + 1, 16, columns.0, 25, columns.0),
             stroke(at + 2, 8, columns.1, 16, columns.1), stroke(at + 3, 16, columns.1, 25, columns.1)]
        }
        return [stroke(2, 2, 9, 2, 18), stroke(3, 4, 9, 4, 18), stroke(4, 6, 9, 6, 18)]
            + leg(from: 6, columns: (9, 11)) + leg(from: 11, columns: (18, 16))
    }()

    private static func networkScene(_ title: String, _ text: String, seconds: Double, _ network: NetworkScene,
                                     speed: Double = Clock.defaultSpeed, playing: Bool = false, hold: Bool = false,
                                     cues: [TourCue] = []) -> TourScene {
        TourScene(caption: Caption(title: title, text: text), seconds: seconds,
                  image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!,
                  speed: speed, view: SceneView(progressive: true), playing: playing, hold: hold, cues: cues,
                  network: network)
    }
}
