import ConvNet

extension CodeSnippet {
    /// The network of network mode in PyTorch (DESIGN.md's "The network": Conv2d(1, f1, 3) →
    /// ReLU → MaxPool2d(2) → Conv2d(f1, f2, 3) → ReLU → MaxPool2d(2) → Flatten → Linear(25·f2, 10)),
    /// the lines that load our weights file into it (its `layers` hold PyTorch's shapes, in
    /// state_dict order), and one image classified. `Tests/independent/check_net_code.py` runs
    /// these lines against a NumPy stand-in for the PyTorch calls they use.
    public static func network(_ source: NetworkSource) -> [CodeSnippet] {
        network(shape: source.shape, fileName: source.file)
    }

    /// The same for a network of this shape saved as `fileName`; nil when its weights are in no
    /// file yet (trained in the window): the lines then say so and how to save them.
    public static func network(shape s: NetShape, fileName: String?) -> [CodeSnippet] {
        let unsaved = fileName == nil ? ["# (these weights were trained here and are in no file yet:",
                                         "# press s in the learn view, L, to save them as weights-N.json)"] : []
        let lines = [
            "# The network in this window, in PyTorch",
            "import json, torch",
            "from torch import nn",
            "",
            "model = nn.Sequential(",
            "    nn.Conv2d(1, \(s.filters1), 3), nn.ReLU(), nn.MaxPool2d(2),",
            "    nn.Conv2d(\(s.filters1), \(s.filters2), 3), nn.ReLU(), nn.MaxPool2d(2),",
            "    nn.Flatten(), nn.Linear(\(s.flatCount), 10))",
            "",
            "# Our weights file holds each layer's weight and bias in the",
            "# shapes PyTorch uses, so they go straight in",
        ] + unsaved + [
            "with open(\"\(fileName ?? "weights-N.json")\") as f:",
            "    saved = json.load(f)",
            "learned = [m for m in model if hasattr(m, \"weight\")]",
            "for m, layer in zip(learned, saved[\"layers\"]):",
            "    m.weight.data = torch.tensor(layer[\"weight\"])",
            "    m.bias.data = torch.tensor(layer[\"bias\"])",
            "",
            "# `image`: 28x28 values in [0, 1] (pixel / 255), rows from the top",
            "x = torch.tensor(image, dtype=torch.float32).reshape(1, 1, 28, 28)",
            "p = model(x).softmax(dim=1)[0]",
            "k = int(p.argmax())",
            "print(saved[\"classes\"][k], float(p[k]))",
        ]
        return [CodeSnippet(.pytorch, lines: lines)]
    }
}
