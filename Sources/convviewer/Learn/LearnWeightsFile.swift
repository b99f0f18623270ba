import ConvModel
import ConvNet
import Foundation

/// `s` in the learn view: the weights of a snapshot, written as weights-N.json in the current
/// directory, N the first number whose file does not exist (an existing file is never replaced).
enum LearnWeightsFile {
    /// What became of a save: the action that tells the state.
    static func save(_ s: LearnSnapshot) -> Action {
        let record = TrainingRecord(seed: s.seed, epochs: s.epoch, batch: TrainingRecipe().batch,
                                    learningRate: Double("\(s.learningRate)")!, momentum: Double("\(TrainingRecipe().momentum)")!,
                                    trainImages: s.trainingImages, imagesSeen: s.imagesSeen, testAccuracy: s.testAccuracy,
                                    initialWeights: s.start.hasPrefix("He-normal") ? "he-normal" : s.start)
        let text = WeightsFile(weights: s.weights, dataset: s.usesSample ? "fashion-mnist (100-image sample)" : "fashion-mnist",
                               classes: ClassNames.fashion, training: record).encoded()
        let directory = FileManager.default.currentDirectoryPath
        for n in 1...10_000 {
            let path = directory + "/weights-\(n).json"
            if NetFiles.exists(path) { continue }
            do {
                try NetFiles.writeAtomically(text, to: path, overwrite: false)
                return .learnWeightsSaved(file: "weights-\(n).json", path: path, weights: s.weights, imagesSeen: s.imagesSeen)
            } catch {
                // Another process took the name meanwhile: try the next one.
                if NetFiles.exists(path) { continue }
                return .showLearnMessage("\(error)")
            }
        }
        return .showLearnMessage("\(directory) already holds weights-1.json to weights-10000.json: nothing saved")
    }
}
