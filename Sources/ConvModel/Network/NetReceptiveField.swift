/// The input pixels one value of a stage depends on: a square of the 28×28 input.
///
/// Worked backwards through the layers along each axis: a 3×3 valid convolution makes output
/// `i` read inputs `i…i+2`, and a 2×2 pool makes output `i` read inputs `2i…2i+1`; ReLU reads only
/// the same cell. So a conv2 cell reads 3 pool1 cells, 6 conv1 cells, 8 input pixels each way,
/// and a pool2 cell reads 10. Flattened values are pool2 cells; the dense layer and softmax read
/// everything.
public struct NetReceptiveField: Equatable, Sendable {
    public let row: Int
    public let col: Int
    /// The side of the square, in input pixels.
    public let size: Int

    public init(row: Int, col: Int, size: Int) {
        self.row = row
        self.col = col
        self.size = size
    }

    /// The field of cell (`row`, `col`) of a map stage, or of value `row` of a vector stage.
    public static func of(stage: Int, row: Int, col: Int) -> NetReceptiveField {
        switch stage {
        case NetStages.flatten:
            // Flatten index k = c·25 + y·5 + x: the pool2 cell (y, x).
            let yx = row % 25
            return of(stage: NetStages.pool2, row: yx / 5, col: yx % 5)
        case NetStages.dense, NetStages.softmax:
            return NetReceptiveField(row: 0, col: 0, size: 28)
        default:
            var r = (start: row, length: 1), c = (start: col, length: 1)
            for layer in (1...max(1, stage)).reversed() where stage > 0 {
                switch layer {
                case NetStages.conv1, NetStages.conv2:
                    r.length += 2
                    c.length += 2
                case NetStages.pool1, NetStages.pool2:
                    r = (2 * r.start, 2 * r.length)
                    c = (2 * c.start, 2 * c.length)
                default:
                    break
                }
            }
            return NetReceptiveField(row: r.start, col: c.start, size: r.length)
        }
    }
}
