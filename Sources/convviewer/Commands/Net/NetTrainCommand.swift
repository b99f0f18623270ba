import ArgumentParser
import ConvNet
import Foundation

struct NetTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the network on one core and write its weights (convviewer-net/1 JSON).",
        discussion: "Prints a progress line while it runs and the accuracy on the 10,000 test images at the end. "
            + "The file is written whole or not at all; an existing file is kept unless --force."
    )

    @Option(name: .shortAndLong, help: "Weights file to write.")
    var output = "weights.json"
    @Option(help: "Passes over the training images.") var epochs = 5
    @Option(help: "Images per SGD step.") var batch = 32
    @Option(help: "Learning rate.") var lr: Float = 0.01
    @Option(help: "SGD momentum (PyTorch's form: v = μv + g; w -= lr·v).") var momentum: Float = 0.9
    @Option(help: "Seed for the initial weights and the epoch shuffles.") var seed: UInt64 = 0
    @Option(help: ArgumentHelp("Filter counts of conv1 and conv2, multiples of 8 (default: 8,16, or those of --init).", valueName: "F1,F2"))
    var filters: String?
    @Option(help: "Train on the first N training images only.") var limit: Int?
    @Option(name: .customLong("init"), help: ArgumentHelp("Start from this weights file instead of He-normal weights.", valueName: "FILE"))
    var initFile: String?
    @Option(help: ArgumentHelp("Directory of IDX files (default: \(NetData.defaultDirectory)).", valueName: "DIR"))
    var data: String?
    @Flag(help: "Replace the output file if it exists.") var force = false

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs must be 1 or more") }
        guard batch >= 1 else { throw ValidationError("--batch must be 1 or more") }
        guard lr.isFinite, lr > 0 else { throw ValidationError("--lr must be a positive number") }
        guard momentum.isFinite, momentum >= 0, momentum < 1 else { throw ValidationError("--momentum must be in [0, 1)") }
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
        _ = try filterShape()
    }

    func filterShape() throws -> NetShape {
        guard let filters else { return .standard }
        let parts = filters.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let f1 = parts[0], let f2 = parts[1] else {
            throw ValidationError("--filters takes two counts, e.g. 8,16")
        }
        do { return try NetShape(filters1: f1, filters2: f2) } catch { throw ValidationError("--filters: \(error)") }
    }

    func run() throws {
        if !force && NetFiles.exists(output) { throw CLIError("\(output): the file exists (give --force to replace it)") }
        let data = try NetData.open(data)
        var train = try data.trainingSet()
        if let limit { train = train.prefix(limit) }
        let test = try data.testSet()

        var recipe = TrainingRecipe()
        (recipe.seed, recipe.epochs, recipe.batch, recipe.learningRate, recipe.momentum) = (seed, epochs, batch, lr, momentum)
        var generator = SeededGenerator(seed: seed)
        let start: NetworkWeights
        if let initFile {
            start = try NetWeights.load(initFile).file.weights
            if let filters, try filterShape() != start.shape {
                throw CLIError("--filters \(filters) disagrees with \(initFile), which holds the \(start.shape.label) network")
            }
        } else {
            start = NetworkWeights.heNormal(try filterShape(), using: &generator)
        }
        let network = Network(start)
        var trainer = Trainer(network: network, images: train, recipe: recipe, generator: generator)
        var progress = TrainingProgress(epochs: epochs, imagesPerEpoch: train.count)
        var accuracy = 0.0
        while !trainer.isFinished {
            let epoch = trainer.epoch
            progress.add(trainer.step(), epoch: epoch, done: trainer.position == 0 ? train.count : trainer.position)
            if trainer.epoch != epoch {
                let trained = Monotonic.now()
                guard network.weights.isFinite else {
                    progress.clear()
                    throw CLIError("training diverged (weights are no longer finite numbers): try a smaller --lr")
                }
                accuracy = Evaluation(network: network, set: test).accuracy
                progress.endEpoch(testAccuracy: accuracy, trainedUntil: trained)
            }
        }
        let record = TrainingRecord(seed: seed, epochs: epochs, batch: batch, learningRate: Double("\(lr)")!, momentum: Double("\(momentum)")!,
                                    trainImages: train.count, imagesSeen: trainer.imagesSeen, testAccuracy: accuracy,
                                    initialWeights: initFile.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "he-normal")
        let file = WeightsFile(weights: network.weights, dataset: data.name, classes: data.classes, training: record)
        try NetFiles.writeAtomically(file.encoded(), to: output, overwrite: force)
        progress.finish("test accuracy \(NetText.percent(accuracy)) on \(test.count) test images; wrote \(output)")
    }
}
