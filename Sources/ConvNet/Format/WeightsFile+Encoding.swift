extension WeightsFile {
    /// The file's text: one layer per line block, numbers in the shortest form that reads back
    /// to the same `Float`. The weights must be finite (JSON has no NaN).
    public func encoded() -> String {
        precondition(weights.isFinite, "weights must be finite to be written")
        var out = "{\n"
        out += "\"format\": \(JSONText.quoted(WeightsFile.format)),\n"
        out += "\"dataset\": \(JSONText.quoted(dataset)),\n"
        out += "\"classes\": [\(classes.map(JSONText.quoted).joined(separator: ", "))],\n"
        out += "\"input\": [28, 28, 1],\n"
        out += "\"layers\": [\n"
        let w = weights
        let layers = [("conv1", "conv2d", w.conv1Weight, w.conv1Bias), ("conv2", "conv2d", w.conv2Weight, w.conv2Bias),
                      ("dense", "linear", w.denseWeight, w.denseBias)]
        out += layers.map { name, type, weight, bias in
            "{\"name\": \"\(name)\", \"type\": \"\(type)\",\n \"weight\": \(JSONText.nested(weight)),\n \"bias\": \(JSONText.nested(bias))}"
        }.joined(separator: ",\n")
        out += "\n]"
        if let t = training {
            var fields = ["\"seed\": \(t.seed)", "\"epochs\": \(t.epochs)", "\"batch\": \(t.batch)",
                          "\"lr\": \(t.learningRate)", "\"momentum\": \(t.momentum)",
                          "\"train_images\": \(t.trainImages)", "\"images_seen\": \(t.imagesSeen)",
                          "\"init\": \(JSONText.quoted(t.initialWeights))"]
            if let a = t.testAccuracy { fields.append("\"test_accuracy\": \(a)") }
            out += ",\n\"training\": {\(fields.joined(separator: ", "))}"
        }
        return out + "\n}\n"
    }
}

/// Small pieces of JSON text.
public enum JSONText {
    /// A finite Float in its shortest round-trip form ("-0.0" written as "0.0").
    public static func number(_ v: Float) -> String {
        let t = v.description
        return t == "-0.0" ? "0.0" : t
    }

    /// A tensor as nested lists, outermost index first (a 1-D tensor is a flat list).
    public static func nested(_ t: Tensor) -> String {
        var out = ""
        func emit(_ level: Int, _ start: Int) {
            if level == t.shape.count {
                out += number(t.values[start])
                return
            }
            let stride = t.shape[(level + 1)...].reduce(1, *)
            out += "["
            for i in 0..<t.shape[level] {
                if i > 0 { out += "," }
                emit(level + 1, start + i * stride)
            }
            out += "]"
        }
        emit(0, 0)
        return out
    }

    public static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 {
                    let hex = String(ch.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out + "\""
    }
}
