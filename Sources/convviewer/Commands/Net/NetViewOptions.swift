import ArgumentParser
import ConvModel
import ConvNet

/// Network mode for the window, `render` and `record`: `--net [FILE]` (the shipped weights when
/// no file follows), `--test-index N` and `--stage NAME` (either of which implies `--net`).
struct NetViewOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Show the trained network (network mode); FILE defaults to the shipped \(NetFiles.shippedWeightsName).", valueName: "FILE"))
    var net: String?

    @Option(name: .customLong("test-index"), parsing: .unconditional, help: ArgumentHelp("Network mode: start on test image N (0-based).", valueName: "N"))
    var testIndex: Int?

    @Option(name: .long, help: ArgumentHelp("Network mode: open this stage's view (\(NetStages.names.dropFirst().joined(separator: ", "))).", valueName: "NAME"))
    var stage: String?

    @Option(name: .long, help: ArgumentHelp("Network mode: the pointer at window point X,Y (to draw what hovering shows).", visibility: .hidden))
    var pointer: String?

    /// `--net` written without a file: main.swift turns a bare `--net` into `--net=<shipped>`.
    static let defaultMarker = "<shipped>"

    var isOn: Bool { net != nil || testIndex != nil || stage != nil }

    /// Checks the options, loads the network and puts `state` in network mode as asked. Every
    /// problem is one line.
    func apply(to state: inout AppState) throws {
        guard isOn else { return }
        if let testIndex, testIndex < 0 { throw CLIError("--test-index must be 0 or more (got \(testIndex))") }
        let stageIndex = try stage.map { name -> Int in
            guard let i = NetStages.index(named: name), i != NetStages.input else {
                throw CLIError("unknown stage '\(name)' (\(NetStages.names.dropFirst().joined(separator: ", ")))")
            }
            return i
        }
        let source = try NetworkLoader.load(net == NetViewOptions.defaultMarker ? nil : net)
        if let testIndex, testIndex >= source.testImages.count {
            throw CLIError("--test-index \(testIndex) is past the last of the \(source.testImages.count) images (\(source.testSource))")
        }
        state.update(.setNetworkSource(source))
        state.update(.toggleNetwork)
        if let testIndex { state.update(.selectTestImage(testIndex)) }
        if let stageIndex { state.update(.openStage(stageIndex)) }
    }

    /// The hidden `--pointer X,Y`, sent once the frame's size is set.
    func applyPointer(to state: inout AppState) throws {
        guard let pointer else { return }
        let xy = pointer.split(separator: ",").compactMap { Double($0) }
        guard xy.count == 2 else { throw CLIError("--pointer takes X,Y (got '\(pointer)')") }
        state.update(.pointer(.moved(x: xy[0], y: xy[1])))
    }

    /// Turns a `--net` with no file after it into `--net=<shipped>` so the option parser accepts it.
    static func expandBareNet(_ arguments: [String]) -> [String] {
        var out: [String] = []
        for (i, a) in arguments.enumerated() {
            if a == "--net", i + 1 == arguments.count || arguments[i + 1].hasPrefix("-") {
                out.append("--net=" + defaultMarker)
            } else {
                out.append(a)
            }
        }
        return out
    }
}

/// The network network mode shows: a weights file (the shipped one when nil), its classes, and
/// the test images: the installed data set, else the 100 shipped with the weights.
enum NetworkLoader {
    static func load(_ path: String?) throws -> NetworkSource {
        let (file, resolved) = try NetWeights.load(path)
        let (set, source, note) = try NetEvalCommand.testSet(nil)
        var name = String(resolved.split(separator: "/").last ?? Substring(resolved))
        if name.hasSuffix(".json") { name.removeLast(5) }
        return NetworkSource(name: name, weights: file.weights, classes: file.classes, testImages: set, testSource: source,
                             isShippedSample: note != nil, file: name + ".json")
    }
}
