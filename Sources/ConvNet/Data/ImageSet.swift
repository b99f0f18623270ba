/// Grey images of one size with their labels, as IDX files hold them: pixels 0…255, row-major,
/// one image after another.
public struct ImageSet: Sendable {
    public let rows: Int
    public let columns: Int
    public let pixels: [UInt8]
    public let labels: [UInt8]

    public var count: Int { labels.count }
    public var imageSize: Int { rows * columns }

    /// Pairs images and labels, which must agree in number.
    public init(images: IDXArray, labels: IDXArray) throws(IDXError) {
        guard images.dimensions.count == 3 else { throw .wrongKind(expected: "images (3 dimensions)", found: images.dimensions.count) }
        guard labels.dimensions.count == 1 else { throw .wrongKind(expected: "labels (1 dimension)", found: labels.dimensions.count) }
        guard images.dimensions[0] == labels.dimensions[0] else {
            throw .countMismatch(images: images.dimensions[0], labels: labels.dimensions[0])
        }
        self.init(rows: images.dimensions[1], columns: images.dimensions[2], pixels: images.values, labels: labels.values)
    }

    public init(rows: Int, columns: Int, pixels: [UInt8], labels: [UInt8]) {
        precondition(pixels.count == rows * columns * labels.count, "pixels do not match the labels")
        self.rows = rows
        self.columns = columns
        self.pixels = pixels
        self.labels = labels
    }

    /// Throws unless the images are 28×28 and every label names one of the ten classes.
    public func checkFitsNetwork() throws(IDXError) {
        guard rows == NetShape.side, columns == NetShape.side else { throw .wrongImageSize(rows: rows, columns: columns) }
        if let i = labels.firstIndex(where: { Int($0) >= NetShape.classes }) { throw .badLabel(index: i, value: labels[i]) }
    }

    /// The first `n` images (all of them when there are fewer).
    public func prefix(_ n: Int) -> ImageSet {
        let k = min(max(n, 0), count)
        return ImageSet(rows: rows, columns: columns, pixels: Array(pixels[0..<k * imageSize]), labels: Array(labels[0..<k]))
    }

    /// Image `i`'s pixels / 255, row-major.
    public func values(_ i: Int) -> [Float] {
        pixels[i * imageSize ..< (i + 1) * imageSize].map { Float($0) / 255 }
    }
}
