import ConvModel
import ConvNet

/// The images the learn view trains and tests on: the data set's training images and its first
/// 1,000 test images; or, when the data set is not installed, the 100 shipped sample images split
/// in two (the first 80 to train on, the last 20 to test on, so the test accuracy is measured
/// on images the network never trained on).
enum LearnData {
    static let sampleTraining = 80

    static func load() throws -> (training: ImageSet, test: ImageSet, usesSample: Bool) {
        if !NetFiles.exists(NetData.defaultDirectory) {
            let sample = try NetData.sample()
            let split = min(sampleTraining, sample.count - 1)
            return (sample.prefix(split), suffix(sample, from: split), true)
        }
        let data = try NetData.open(nil)
        return (try data.trainingSet(), try data.testSet().prefix(LearnSession.testCount), false)
    }

    private static func suffix(_ set: ImageSet, from start: Int) -> ImageSet {
        ImageSet(rows: set.rows, columns: set.columns, pixels: Array(set.pixels[(start * set.imageSize)...]),
                 labels: Array(set.labels[start...]))
    }

    /// A session from seed 0, as the window's learn view starts.
    static func session(paused: Bool = false) throws -> LearnSession {
        let (training, test, usesSample) = try load()
        return LearnSession(training: training, test: test, usesSample: usesSample, seed: 0, paused: paused)
    }
}
