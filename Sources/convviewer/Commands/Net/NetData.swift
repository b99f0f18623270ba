import ConvNet
import Foundation

/// The IDX data sets the `net` commands read: a directory holding `train-images-idx3-ubyte.gz`,
/// `train-labels-idx1-ubyte.gz`, `t10k-images-idx3-ubyte.gz` and `t10k-labels-idx1-ubyte.gz`
/// (or the same names without `.gz`), and optionally `classes.txt`; or, when none is installed,
/// the 100 test images shipped in `resources/networks`.
struct NetData {
    let name: String
    let directory: String
    let classes: [String]

    /// Debian's location; CONVVIEWER_FASHION_MNIST moves it (the tests use that to see the
    /// commands without the data set).
    static let defaultDirectory = ProcessInfo.processInfo.environment["CONVVIEWER_FASHION_MNIST"] ?? "/usr/share/datasets/fashion-mnist"
    static let package = "dataset-fashion-mnist"
    static let sampleImages = "fashion-t10k-first100-images-idx3-ubyte.gz"
    static let sampleLabels = "fashion-t10k-first100-labels-idx1-ubyte.gz"

    /// The data set in `directory` (the Debian package's when nil); throws the one line that
    /// names the package and `--data` when it is not there.
    static func open(_ directory: String?) throws -> NetData {
        let dir = directory ?? defaultDirectory
        guard NetFiles.exists(dir) else { throw missing(dir, detail: "no such directory") }
        let isFashion = dir.lowercased().contains("fashion")
        var classes = isFashion ? ClassNames.fashion : ClassNames.digits
        let classesPath = dir + "/classes.txt"
        if NetFiles.exists(classesPath) {
            let text = String(decoding: try NetFiles.read(classesPath, limit: 1 << 16), as: UTF8.self)
            guard let names = ClassNames.parse(text) else { throw CLIError("\(classesPath): expected 10 class names, one a line") }
            classes = names
        }
        let name = isFashion ? "fashion-mnist" : URL(fileURLWithPath: dir).lastPathComponent
        return NetData(name: name, directory: dir, classes: classes)
    }

    static func missing(_ dir: String, detail: String) -> CLIError {
        CLIError("no data set at \(dir) (\(detail)): install the Debian package \(package) (scripts/install-deps.sh does), or give --data DIR holding IDX files of 28×28 images")
    }

    func trainingSet() throws -> ImageSet { try set("train") }
    func testSet() throws -> ImageSet { try set("t10k") }

    private func set(_ prefix: String) throws -> ImageSet {
        let images = try NetData.idx(directory, "\(prefix)-images-idx3-ubyte", orMissing: true)
        let labels = try NetData.idx(directory, "\(prefix)-labels-idx1-ubyte", orMissing: true)
        return try NetData.pair(images, labels, where: "\(directory)/\(prefix)-*")
    }

    /// The 100 test images shipped beside the weights.
    static func sample() throws -> ImageSet {
        guard let dir = NetFiles.networksDirectory() else {
            throw CLIError("neither the data set (install \(package) or give --data DIR) nor the shipped sample in resources/networks was found")
        }
        let images = try idx(dir, sampleImages, orMissing: false), labels = try idx(dir, sampleLabels, orMissing: false)
        return try pair(images, labels, where: dir + "/fashion-t10k-first100-*")
    }

    private static func pair(_ images: IDXArray, _ labels: IDXArray, where place: String) throws -> ImageSet {
        do {
            let set = try ImageSet(images: images, labels: labels)
            try set.checkFitsNetwork()
            return set
        } catch {
            throw CLIError("\(place): \(error)")
        }
    }

    /// One IDX file, gzipped (`name.gz`, or `name` itself when it ends in .gz) or plain.
    private static func idx(_ dir: String, _ name: String, orMissing: Bool) throws -> IDXArray {
        let candidates = name.hasSuffix(".gz") ? [name] : [name + ".gz", name]
        guard let file = candidates.map({ dir + "/" + $0 }).first(where: NetFiles.exists) else {
            if orMissing { throw missing(dir, detail: "\(name).gz not found") }
            throw CLIError("\(dir)/\(name): no such file")
        }
        do {
            let bytes = try NetFiles.read(file, limit: file.hasSuffix(".gz") ? NetFiles.gzipLimit : IDX.maxBytes + 16)
            return file.hasSuffix(".gz") ? try GzipReader.inflateIDX(bytes) : try IDX.parse(bytes)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(file): \(error)")
        }
    }
}
