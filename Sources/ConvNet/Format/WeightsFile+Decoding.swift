extension WeightsFile {
    /// Reads a weights file from its bytes. Checks the format string, every key, every shape
    /// against the filter counts the conv1 and conv2 biases give, and that every number is a
    /// finite `Float`; anything else is a `WeightsFileError`.
    public static func decode(_ bytes: [UInt8]) throws(WeightsFileError) -> WeightsFile {
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch { throw WeightsFileError("not a weights file: \(error)") }
        guard case let .object(top) = root else { throw WeightsFileError("not a weights file: the top level is \(root.kind), not an object") }
        guard case let .string(format)? = top["format"] else { throw WeightsFileError("not a weights file: no \"format\" text") }
        guard format == WeightsFile.format else {
            throw WeightsFileError("format \"\(format)\" is not supported (expected \"\(WeightsFile.format)\")")
        }
        guard case let .string(dataset)? = top["dataset"] else { throw WeightsFileError("\"dataset\" must be text") }
        guard case let .array(classItems)? = top["classes"], classItems.count == NetShape.classes else {
            throw WeightsFileError("\"classes\" must be a list of \(NetShape.classes) names")
        }
        var classes: [String] = []
        for item in classItems {
            guard case let .string(name) = item else { throw WeightsFileError("\"classes\" must hold text") }
            classes.append(name)
        }
        guard top["input"] == .array([.number(28), .number(28), .number(1)]) else {
            throw WeightsFileError("\"input\" must be [28, 28, 1]")
        }
        guard case let .array(layers)? = top["layers"], layers.count == 3 else {
            throw WeightsFileError("\"layers\" must be a list of 3 layers (conv1, conv2, dense)")
        }
        var fields: [[String: JSONValue]] = []
        for (n, layer) in layers.enumerated() {
            guard case let .object(f) = layer else { throw WeightsFileError("layer \(n + 1) is \(layer.kind), not an object") }
            guard f["name"] == .string(layerNames[n]) else { throw WeightsFileError("layer \(n + 1) must be named \"\(layerNames[n])\"") }
            fields.append(f)
        }
        // The filter counts come from the biases, whose lengths are checked before anything is
        // sized by them; every other shape must then follow.
        let f1 = try count(of: fields[0]["bias"], "conv1 bias"), f2 = try count(of: fields[1]["bias"], "conv2 bias")
        let shape: NetShape
        do { shape = try NetShape(filters1: f1, filters2: f2) } catch { throw WeightsFileError("\(error)") }
        let shapes = NetworkWeights.shapes(for: shape)
        var tensors: [Tensor] = []
        for n in 0..<3 {
            for (k, key) in ["weight", "bias"].enumerated() {
                let expected = shapes[2 * n + k]
                tensors.append(try tensor(fields[n][key], shape: expected, name: "\(layerNames[n]) \(key)"))
            }
        }
        let training: TrainingRecord?
        switch top["training"] {
        case nil, .null?: training = nil
        case let .object(t)?: training = try record(t)
        case let other?: throw WeightsFileError("\"training\" is \(other.kind), not an object")
        }
        return WeightsFile(weights: NetworkWeights(tensors: tensors), dataset: dataset, classes: classes, training: training)
    }

    private static func count(of value: JSONValue?, _ name: String) throws(WeightsFileError) -> Int {
        guard case let .array(items)? = value else { throw WeightsFileError("\(name) is missing or not a list") }
        return items.count
    }

    /// Reads nested lists of exactly `shape`, row-major.
    private static func tensor(_ value: JSONValue?, shape: [Int], name: String) throws(WeightsFileError) -> Tensor {
        guard let value else { throw WeightsFileError("\(name) is missing") }
        var values: [Float] = []
        values.reserveCapacity(Tensor.count(shape))
        func walk(_ v: JSONValue, _ level: Int) throws(WeightsFileError) {
            if level == shape.count {
                guard case let .number(d) = v else { throw WeightsFileError("\(name) holds \(v.kind) where a number belongs") }
                let f = Float(d)
                guard f.isFinite else { throw WeightsFileError("\(name) holds \(d), not a finite number") }
                values.append(f)
                return
            }
            guard case let .array(items) = v, items.count == shape[level] else {
                throw WeightsFileError("\(name) must have shape \(shape) (PyTorch's layout)")
            }
            for item in items { try walk(item, level + 1) }
        }
        try walk(value, 0)
        return Tensor(shape: shape, values: values)
    }

    private static func record(_ t: [String: JSONValue]) throws(WeightsFileError) -> TrainingRecord {
        func number(_ key: String) throws(WeightsFileError) -> Double {
            guard case let .number(v)? = t[key], v.isFinite else { throw WeightsFileError("training \"\(key)\" must be a number") }
            return v
        }
        func whole(_ key: String) throws(WeightsFileError) -> Int {
            let v = try number(key)
            guard v >= 0, v <= 1e15, v == v.rounded() else { throw WeightsFileError("training \"\(key)\" must be a whole number") }
            return Int(v)
        }
        var accuracy: Double?
        if case .number? = t["test_accuracy"] { accuracy = try number("test_accuracy") }
        var initial = "he-normal"
        if case let .string(s)? = t["init"] { initial = s }
        return TrainingRecord(seed: UInt64(try whole("seed")), epochs: try whole("epochs"), batch: try whole("batch"),
                              learningRate: try number("lr"), momentum: try number("momentum"),
                              trainImages: try whole("train_images"), imagesSeen: try whole("images_seen"),
                              testAccuracy: accuracy, initialWeights: initial)
    }
}
