import ConvModel

/// The patch and products grids of the detail band, cell by cell: a step that leaves a cell's
/// value and colour as they were leaves that cell alone.
extension FrameRenderer {
    /// What one small grid shows: its size, the text size and decimals of its numbers, and each
    /// cell's value and colour. Two looks with the same size, text and decimals differ only in the
    /// cells whose value or colour differ.
    struct GridLook: Equatable {
        let grid: KernelGrid
        let glyphSize: Double?
        let decimals: Int
        /// Each cell's value (bit pattern, so −0 and 0 differ as their text may) and colour, row-major.
        let cells: [CellLook]
    }

    struct CellLook: Equatable {
        let bits: UInt32
        let color: RGB
    }

    struct ArithmeticLooks {
        let patch: GridLook
        let products: GridLook
        /// Whether the patch's label says some of it lies on the padding.
        let patchPadded: Bool
    }

    /// The patch's and the products' looks and the patch's label, as `drawArithmeticGrids` draws
    /// them; nil when the band does not draw the grids.
    func arithmeticLooks(_ scene: FrameScene) -> ArithmeticLooks? {
        extras(scene).value(\.looks) { workOutArithmeticLooks(scene) }
    }

    private func workOutArithmeticLooks(_ scene: FrameScene) -> ArithmeticLooks? {
        let d = scene.layout.detail, p = scene.palette
        guard !d.frame.isEmpty, scene.scan.count > 0, let canvas = measuringCanvas else { return nil }
        let cell = scene.state.currentCell, k = cell.size
        guard d.kernel.width >= Double(k) * 3 else { return nil }
        let written = writtenSum(cell, scene, canvas)
        let maxWeight = cell.weights.map(abs).max() ?? 0
        let maxProduct = max(maxWeight, cell.products.map(abs).max() ?? 0)
        func look(_ values: [Float], _ rect: Rect, decimals: Int, _ color: (Float) -> RGB) -> GridLook {
            let grid = KernelGrid(in: rect, size: k)
            var size: Double?
            if grid.isDrawn {
                let room = (grid.cell - FrameRenderer.smallGridGap(grid.cell, scene.layout)) * 0.88
                size = FrameRenderer.smallGridGlyphs(values, decimals: decimals, cell: grid.cell, room: room, scene, canvas, self)?.size
            }
            return GridLook(grid: grid, glyphSize: size, decimals: decimals,
                            cells: values.map { CellLook(bits: $0.bitPattern, color: color($0)) })
        }
        let patch = look(cell.patch, d.patch, decimals: DecimalText.decimals(toShow: cell.patch)) { scene.inputScale.color($0) }
        let products = look(cell.products, d.products, decimals: written.decimals) {
            FrameRenderer.signColor($0, maxAbs: maxProduct, p)
        }
        return ArithmeticLooks(patch: patch, products: products, patchPadded: !paddedTaps(scene).isEmpty)
    }

    /// Where the patch and products grids of two scenes differ: the cells that changed, the whole
    /// grid when its size, text size or decimals did, the patch's label when it changed.
    func arithmeticGridChanges(_ a: FrameScene, _ b: FrameScene, _ sections: FrameSections) -> [Rect] {
        let lookA = arithmeticLooks(a), lookB = arithmeticLooks(b)
        guard let lookA, let lookB else { return lookA == nil && lookB == nil ? [] : sections.detailGrids }
        var out: [Rect] = []
        for (x, y, whole) in [(lookA.patch, lookB.patch, sections.detailGrids[0]), (lookA.products, lookB.products, sections.detailGrids[1])] {
            guard x != y else { continue }
            guard x.grid == y.grid, x.glyphSize == y.glyphSize, x.decimals == y.decimals, x.cells.count == y.cells.count else {
                out.append(whole)
                continue
            }
            let k = y.grid.size
            for i in y.cells.indices where x.cells[i] != y.cells[i] {
                out.append(y.grid.rect(of: GridCell(row: i / k, col: i % k)))
            }
        }
        if lookA.patchPadded != lookB.patchPadded { out.append(FrameRenderer.gridLabelAreas(b.layout)[1]) }
        return out
    }
}
