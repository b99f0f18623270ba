import ArgumentParser
import ConvModel

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the built-in inputs and filters."
    )

    func run() throws {
        print("inputs:")
        let nameWidth = BuiltinImages.names.map(\.count).max() ?? 0
        for image in BuiltinImages.all {
            let size = "\(image.grid.width)×\(image.grid.height)"
            print("  \(pad(image.name, nameWidth))  \(pad(size, 5))  \(BuiltinImages.summary(of: image.name))")
        }
        print("filters:")
        let filterWidth = Kernel.presets.map(\.name).map(\.count).max() ?? 0
        for (i, k) in Kernel.presets.enumerated() {
            let key = i < 9 ? "key \(i + 1)" : "     "
            print("  \(pad(k.name, filterWidth))  \(key)  \(k.label)")
        }
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.count))
    }
}
