import ConvNet

/// The images a learn view trains and tests on, as the shell read them: the data set's training
/// images and first test images, or the shipped sample split in two (`usesSample`).
public struct LearnImages: Equatable, Sendable {
    public let training: ImageSet
    public let test: ImageSet
    public let usesSample: Bool

    public init(training: ImageSet, test: ImageSet, usesSample: Bool) {
        precondition(training.count > 0, "training images expected")
        self.training = training
        self.test = test
        self.usesSample = usesSample
    }

    public static func == (a: LearnImages, b: LearnImages) -> Bool {
        a.usesSample == b.usesSample && a.training.labels == b.training.labels && a.training.pixels == b.training.pixels
            && a.test.labels == b.test.labels && a.test.pixels == b.test.pixels
    }
}
