import ArgumentParser
import ConvModel
import ConvNet
import Foundation

struct ComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Compute the conv, ReLU and pool maps and print them (as JSON with --json)."
    )

    @OptionGroup var model: ModelOptions

    @Flag(name: .long, help: "Print one JSON object instead of aligned text.")
    var json = false

    @Option(name: .long, help: ArgumentHelp(
        "Print Python instead of the maps: the NumPy or PyTorch lines of the `o` overlay, or `script`: a whole NumPy program, input included, that prints the maps as JSON.",
        valueName: "numpy|pytorch|script"))
    var code: CodeOutput?

    enum CodeOutput: String, ExpressibleByArgument, CaseIterable {
        case numpy, pytorch, script
    }

    func validate() throws {
        if json, code != nil {
            throw ValidationError("--json and --code each choose what is printed: give one of them")
        }
    }

    func run() throws {
        let (image, kernel, settings) = try model.resolve()
        let maps = FeatureMaps(input: image.grid, kernel: kernel, settings: settings)
        switch code {
        case .numpy?, .pytorch?:
            let language: CodeSnippet.Language = code == .numpy ? .numpy : .pytorch
            print(CodeSnippet(language, inputWidth: image.grid.width, inputHeight: image.grid.height,
                              kernel: kernel, settings: settings).text, terminator: "")
        case .script?:
            print(CodeSnippet.numpyScript(for: maps), terminator: "")
        case nil:
            print(json ? ComputeReport.json(maps, name: image.name) : ComputeReport.text(maps, name: image.name))
        }
    }
}

/// The two ways `compute` prints its maps.
enum ComputeReport {
    /// Keys as documented in the README; maps are lists of rows, top row first.
    static func json(_ maps: FeatureMaps, name: String) -> String {
        let s = maps.settings
        let fields: [(String, String)] = [
            ("input", object([
                ("name", quoted(name)),
                ("width", "\(maps.input.width)"),
                ("height", "\(maps.input.height)"),
                ("pixels", rows(maps.input)),
            ])),
            ("kernel", object([
                ("name", quoted(maps.kernel.name)),
                ("size", "\(maps.kernel.size)"),
                ("weights", array(maps.kernel.rows.map { array($0.map(number)) })),
                ("bias", number(s.bias)),
            ])),
            ("stride", "\(s.stride)"),
            ("padding", quoted(s.padding.rawValue)),
            ("dilation", "\(s.dilation)"),
            ("flip", s.flip ? "true" : "false"),
            ("pool_mode", quoted(s.pool.rawValue)),
            ("conv", rows(maps.conv)),
            ("relu", rows(maps.relu)),
            ("pool", rows(maps.pool)),
        ]
        return object(fields)
    }

    static func text(_ maps: FeatureMaps, name: String) -> String {
        let s = maps.settings
        var out = "input \(name) \(maps.input.width)×\(maps.input.height), filter \(maps.kernel.name) "
        out += "(\(maps.kernel.text)), stride \(s.stride), \(s.padding.rawValue) padding, dilation \(s.dilation)"
        out += s.flip ? ", flipped (true convolution)" : ""
        out += ", bias \(DecimalText.single(s.bias)), \(s.pool.rawValue) pool\n"
        let kernel = Grid(width: maps.kernel.size, height: maps.kernel.size, values: maps.kernel.weights)
        let grids = [("input", maps.input), ("kernel", kernel), ("conv", maps.conv), ("relu", maps.relu), ("pool", maps.pool)]
        for (title, g) in grids {
            out += "\n\(title) \(g.width)×\(g.height)\n" + aligned(g)
        }
        return out
    }

    /// A grid as right-aligned columns, every value at the grid's decimals (`DecimalText`): a
    /// nonzero value never reads as 0, and the minus sign is U+2212 as on screen.
    static func aligned(_ g: Grid) -> String {
        let cells = DecimalText.group(g.values)
        let width = cells.map(\.count).max() ?? 0
        var out = ""
        for r in 0..<g.height {
            out += cells[r * g.width ..< (r + 1) * g.width]
                .map { String(repeating: " ", count: width - $0.count) + $0 }
                .joined(separator: " ") + "\n"
        }
        return out
    }

    private static func rows(_ g: Grid) -> String { array(g.rows.map { array($0.map(number)) }) }
    private static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
    private static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }
    /// Shortest text that reads back to the same Float. `Limits.checkSums` keeps every value
    /// finite; were one not, it is written `null` (as README says), never a bare `inf` or `nan`.
    static func number(_ v: Float) -> String { v.isFinite ? JSONText.number(v) : "null" }
    private static func quoted(_ s: String) -> String { JSONText.quoted(s) }
}
