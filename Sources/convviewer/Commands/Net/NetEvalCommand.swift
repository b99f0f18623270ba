import ArgumentParser
import ConvNet

struct NetEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Accuracy and confusion matrix of a weights file on the test images.",
        discussion: "Without the data set installed, the 100 test images shipped in resources/networks are used, and the output says so."
    )

    @Option(help: ArgumentHelp("Weights file (default: the shipped \(NetFiles.shippedWeightsName)).", valueName: "FILE"))
    var weights: String?
    @Option(help: ArgumentHelp("Directory of IDX files (default: \(NetData.defaultDirectory)).", valueName: "DIR"))
    var data: String?
    @Flag(help: "Print {\"accuracy\", \"count\", \"confusion\"} as JSON.") var json = false

    func run() throws {
        let (file, path) = try NetWeights.load(weights)
        let (test, source, note) = try NetEvalCommand.testSet(data)
        if let note { RecordProgress.writeError(note + "\n") }
        let e = Evaluation(network: Network(file.weights), set: test)
        if json {
            let rows = e.confusion.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",")
            print("{\"accuracy\": \(e.accuracy), \"count\": \(e.count), \"confusion\": [\(rows)], \"source\": \(JSONText.quoted(source))}")
        } else {
            print("\(path): accuracy \(NetText.percent(e.accuracy)) (\(e.correct) of \(e.count) images, \(source))")
            print(NetText.confusion(e, classes: file.classes), terminator: "")
        }
    }

    /// The full test set, or — only when no --data was given and the default data set is not
    /// installed — the shipped sample, with a note for stderr saying so.
    static func testSet(_ data: String?) throws -> (set: ImageSet, source: String, note: String?) {
        if data == nil && !NetFiles.exists(NetData.defaultDirectory) {
            let sample = try NetData.sample()
            let note = "note: \(NetData.defaultDirectory) is not installed (Debian package \(NetData.package)); "
                + "using the \(sample.count) test images shipped in resources/networks"
            return (sample, "first \(sample.count) Fashion-MNIST test images, shipped in resources/networks", note)
        }
        let set = try NetData.open(data)
        return (try set.testSet(), "\(set.name) test images in \(set.directory)", nil)
    }
}
