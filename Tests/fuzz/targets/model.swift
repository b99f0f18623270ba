// Fuzz target: the model options of the command line (`--input blank:WxH|NAME`, `--filter`,
// `--stride`, `--dilation`, `--padding`, `--bias`, `--pool`, `--flip`, `--max-size`) as the
// commands check and use them: `ConvGeometry.validated`, then the maps, the scan and one cell's
// arithmetic. The option words are taken from the input, one a line.
// Needs: ConvModel
@testable import ConvModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModel(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).makeIterator()
    func next() -> String { lines.next() ?? "" }
    do {
        let inputWord = next()
        let image = try BlankCanvas.parse(inputWord) ?? BuiltinImages.named(inputWord) ?? BuiltinImages.named("face")!
        let filterWord = next()
        let kernel = try Kernel.named(filterWord.isEmpty ? "edge_v" : filterWord)
        var s = ConvSettings()
        if let v = Int(next()) { s.stride = v }
        if let v = Int(next()) { s.dilation = v }
        if let v = Padding(rawValue: next()) { s.padding = v }
        if let v = Float(next()) { s.bias = v }
        if let v = PoolMode(rawValue: next()) { s.pool = v }
        s.flip = next() == "flip"
        var grid = image.grid
        if let m = Int(next()) {
            guard m >= 1, m <= Limits.imageSide else { return 0 }   // the command line's --max-size check
            grid = grid.shrunk(toMaxSide: m)
        }
        let g = try ConvGeometry.validated(inputWidth: grid.width, inputHeight: grid.height, kernel: kernel, settings: s)
        let maps = FeatureMaps(input: grid, kernel: kernel, settings: s)
        precondition(maps.conv.width == g.outputWidth && maps.conv.height == g.outputHeight)
        precondition(maps.conv.values.allSatisfy(\.isFinite), "a map value is not finite")
        let cell = Convolution.cell(grid, kernel, s, row: g.outputHeight - 1, col: g.outputWidth - 1)
        precondition(cell.patch.count == kernel.weights.count)
    } catch is KernelError {
    } catch is SettingsError {
    } catch is LimitError {
    } catch is BlankCanvasError {
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return 0
}
