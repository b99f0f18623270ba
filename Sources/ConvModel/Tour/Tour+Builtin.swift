extension Tour {
    /// The tour the window plays with `t`, `--tour` and `--kiosk`, and `record --tour` films.
    ///
    /// It first walks the seed page's three experiments in its order (vertical edges on the face;
    /// blur, then sharpen, on the same face; horizontal edges on the cross, then on the diagonal),
    /// then what ReLU removes, what pooling keeps, stride 2, `same` padding, a shifted input, the
    /// architecture strip, the trained network (`networkScenes`: learning, its stages, a painting
    /// classified), and four places these networks work. Scenes that scan do so once and
    /// stop on the finished map (`hold`), so each scene ends on its result.
    public static let builtin = Tour(name: "built-in", scenes: [
        scene("How to read the screen",
              "The yellow square is the kernel's window. At each stop its nine weights multiply the nine "
                  + "pixels under it and the products add up to one cell of the middle map; this kernel is a "
                  + "lone 1 in the middle, so the map is a plain copy.",
              seconds: 16, input: "face", filter: "identity", speed: 2, position: 6 * 22),

        // The seed's first experiment.
        scene("Vertical edges",
              "Right column minus left column: the sum is large only where the picture brightens from left "
                  + "to right. The eyes and the mouth light up along their left sides, and flat areas give zero.",
              seconds: 16, input: "face", filter: "edge_v", speed: 48, hold: true),

        // The second: blur, then sharpen, on the same input.
        scene("Blur",
              "Every weight is one ninth, so each cell is the average of the 3×3 patch beneath it. Crisp "
                  + "borders spread out into soft ramps.",
              seconds: 14, input: "face", filter: "blur", speed: 48, hold: true),
        scene("Sharpen",
              "Five times the centre pixel, minus its four neighbours. A flat patch keeps its value, but at "
                  + "a border the difference is exaggerated, so outlines come out crisper than in the original.",
              seconds: 14, input: "face", filter: "sharpen", speed: 48, hold: true),

        // The third: one direction-selective kernel on two inputs.
        scene("Horizontal edges on a cross",
              "This kernel subtracts the row above from the row below, so it answers where dark gives way to "
                  + "bright going down. The flat tops of the cross's arms reach the highest score it can give, 3.",
              seconds: 14, input: "cross", filter: "edge_h", speed: 48, hold: true),
        scene("…and on a diagonal line",
              "The same kernel hardly reacts to a thin diagonal: its rows never change all at once, so the best "
                  + "it manages is 1. A kernel is tuned to one direction and deaf to the others.",
              seconds: 14, input: "diag", filter: "edge_h", speed: 48, hold: true),

        scene("Before ReLU",
              "With ReLU switched off we see the signed sums. Where the picture darkens from left to right, on "
                  + "the right side of each eye, the sums are negative.",
              seconds: 11, input: "face", filter: "edge_v", speed: 24,
              view: SceneView(showRelu: false, progressive: false)),
        scene("After ReLU",
              "ReLU turns every negative sum into zero and leaves the positive ones untouched. Half of the edges "
                  + "vanish, and what remains is what the next layer gets to see.",
              seconds: 11, input: "face", filter: "edge_v", speed: 24,
              view: SceneView(showRelu: true, progressive: false)),

        scene("What pooling keeps",
              "Max-pooling cuts the map into 2×2 blocks and keeps only the biggest number of each. Three cells "
                  + "in four are dropped, yet every strong response survives; only its exact spot in the block is lost.",
              seconds: 16, input: "checker", filter: "edge_v", speed: 16, hold: true),

        scene("Stride 2",
              "Now the window jumps two pixels at a time. The map has a quarter as many cells, 11×11 instead of "
                  + "22×22: less work, and coarser detail.",
              seconds: 14, input: "face", filter: "edge_v", settings: ConvSettings(stride: 2), speed: 12, hold: true),

        scene("Same padding",
              "A frame of zeros around the picture lets the window sit centred on every pixel, the border ones "
                  + "too. The map keeps the input's size, 24×24 instead of 22×22.",
              seconds: 15, input: "face", filter: "edge_v", settings: ConvSettings(padding: .same), speed: 56, hold: true),

        scene("Move the input, the map moves too",
              "Halfway through, the letter moves two cells to the right. Its map moves two cells as well, the "
                  + "pooled map one, and both keep their shape, because the same weights are used at every position.",
              seconds: 16, input: "letter", filter: "edge_v", speed: 24,
              view: SceneView(progressive: false),
              cues: [TourCue(at: 8, [.setImage(shiftedLetter)])]),

        scene("One layer of many",
              "A real network repeats these steps, convolution, ReLU, pooling, with dozens of kernels per layer "
                  + "learned from examples. The strip along the bottom follows the shapes through to a fully connected layer "
                  + "and a softmax that scores each class.",
              seconds: 16, input: "face", filter: "edge_v", speed: 32, view: SceneView(progressive: false)),

    ] + networkScenes + [

        scene("AlexNet, 2012",
              "A network of eight learned layers, trained on graphics cards, won that year's ImageNet "
                  + "recognition contest by a wide margin. Within a few years most computer vision was done this way.",
              seconds: 13, input: "letter", filter: "outline", speed: 64, hold: true),
        scene("In your phone",
              "When a camera app finds the faces in a shot, softens the background of a portrait or sorts your "
                  + "pictures by what is in them, a network like this is doing the looking.",
              seconds: 13, input: "face", filter: "gaussian", speed: 48, hold: true),
        scene("In the clinic",
              "Networks like this help doctors read scans: tracing the outline of an organ in a CT image, or "
                  + "pointing out a shadow on an X-ray that deserves a second look.",
              seconds: 13, input: "circle", filter: "outline", speed: 48, hold: true),
        scene("On the road",
              "A car's cameras feed convolutional networks many times a second, to trace lane lines, read signs, "
                  + "spot pedestrians and cyclists, and judge how far away things are.",
              seconds: 13, input: "stripes", filter: "sobel_x", speed: 48, hold: true),
    ])

    /// How far the translation scene moves the letter: rows down, columns right. Even, so the pool
    /// map moves by whole cells; small enough that the whole conv map stays inside its panel and
    /// inside the part the pool keeps (the tests check the caption's claim from the maps). Two rows
    /// down would not do: the 27-row letter's conv map already reaches the pool's last kept row.
    public static let movedLetterOffset = (rows: 0, cols: 2)

    /// The letter of the translation scene, moved by `movedLetterOffset`.
    static let shiftedLetter: NamedImage = {
        let letter = BuiltinImages.named("letter")!
        let d = movedLetterOffset
        return NamedImage(name: "letter, moved", grid: letter.grid.shifted(rows: d.rows, cols: d.cols))
    }()

    /// A scene from built-in names; the names are checked by the tests.
    private static func scene(_ title: String, _ text: String, seconds: Double, input: String, filter: String,
                              settings: ConvSettings = ConvSettings(), speed: Double, position: Int = 0,
                              view: SceneView = SceneView(), hold: Bool = false, cues: [TourCue] = []) -> TourScene {
        TourScene(caption: Caption(title: title, text: text), seconds: seconds,
                  image: BuiltinImages.named(input)!, kernel: Kernel.preset(named: filter)!,
                  settings: settings, speed: speed, view: view, position: position, hold: hold, cues: cues)
    }
}
