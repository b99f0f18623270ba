import ArgumentParser
import ConvModel
import ConvNet

struct NetClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify one image: the ten class probabilities, best first (every stage of the pass with --json).",
        discussion: "An image that is not 28×28 is scaled by area average so its longest side is 28 and centred on a black "
            + "28×28 canvas; colour becomes grey by luma. The network was trained on light clothes on a black background."
    )

    @Option(help: ArgumentHelp("Weights file (default: the shipped \(NetFiles.shippedWeightsName)).", valueName: "FILE"))
    var weights: String?
    @Option(help: ArgumentHelp("An image: PNG, PGM/PPM, or a built-in name.", valueName: "FILE"))
    var input: String?
    @Option(name: .customLong("test-index"), help: ArgumentHelp("Test image number N (0-based) of the data set.", valueName: "N"))
    var testIndex: Int?
    @Option(help: ArgumentHelp("Directory of IDX files, for --test-index (default: \(NetData.defaultDirectory)).", valueName: "DIR"))
    var data: String?
    @Flag(help: "Print {\"predicted\", \"class\", \"probabilities\", \"stages\"} as JSON.") var json = false
    @Flag(name: .customLong("code"), help: ArgumentHelp("Print the PyTorch code network mode's code overlay shows for these weights.", visibility: .hidden))
    var code = false

    func validate() throws {
        guard (input == nil) != (testIndex == nil) else { throw ValidationError("give exactly one of --input FILE and --test-index N") }
        if let testIndex, testIndex < 0 { throw ValidationError("--test-index must be 0 or more") }
    }

    func run() throws {
        let (file, path) = try NetWeights.load(weights)
        if code {
            let name = String(path.split(separator: "/").last ?? Substring(path))
            print(CodeSnippet.network(shape: file.weights.shape, fileName: name).map(\.text).joined(), terminator: "")
            return
        }
        let (values, description, label) = try picture()
        let network = Network(file.weights)
        let stages = network.stages(values: values)
        let probabilities = network.probabilities
        let best = network.predicted
        if json {
            var fields = ["\"predicted\": \(best)", "\"class\": \(JSONText.quoted(file.classes[best]))",
                          "\"probabilities\": [\(probabilities.map(JSONText.number).joined(separator: ", "))]"]
            if let label { fields.append("\"label\": \(label)") }
            fields.append("\"input_note\": \(JSONText.quoted(description))")
            let stageText = stages.map { stage in
                "{\"name\": \"\(stage.name)\", \"shape\": [\(stage.tensor.shape.map(String.init).joined(separator: ", "))], "
                    + "\"values\": \(JSONText.nested(stage.tensor))}"
            }
            fields.append("\"stages\": [\n" + stageText.joined(separator: ",\n") + "\n]")
            print("{" + fields.joined(separator: ",\n") + "}")
            return
        }
        print(description)
        if let label { print("true class: \(file.classes[Int(label)]) (\(label))") }
        print("predicted: \(file.classes[best]) (\(best))")
        let width = file.classes.map(\.count).max() ?? 0
        for j in (0..<probabilities.count).sorted(by: { probabilities[$0] > probabilities[$1] }) {
            let name = file.classes[j] + String(repeating: " ", count: width - file.classes[j].count)
            let percent = NetText.percent(Double(probabilities[j]))
            print("  \(name)  \(String(repeating: " ", count: max(0, 8 - percent.count)))\(percent)")
        }
    }

    /// The 28×28 values the network sees, a sentence on where they came from, and the true
    /// label when it is known.
    private func picture() throws -> ([Float], String, UInt8?) {
        if let testIndex {
            let (set, source, note) = try NetEvalCommand.testSet(data)
            guard testIndex < set.count else {
                throw CLIError("--test-index \(testIndex) is past the last of the \(set.count) images (\(source))")
            }
            if let note { RecordProgress.writeError(note + "\n") }
            return (set.values(testIndex), "input: test image \(testIndex) of the \(source)", set.labels[testIndex])
        }
        let image = try InputSource.load(input!, maxSide: nil)
        let fitted = NetInputFit(image.grid)
        return (fitted.values, "input: \(image.name), \(fitted.note)", nil)
    }
}
