import ArgumentParser
import Foundation

/// `convviewer` with no subcommand opens the window; the subcommands work without a display.
struct ConvViewer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convviewer",
        abstract: "Watch a convolution kernel slide over an image: conv, ReLU and 2×2 pooling, step by step.",
        subcommands: [WindowCommand.self, ListCommand.self, ComputeCommand.self, RenderCommand.self, RecordCommand.self, BenchCommand.self, NetCommand.self],
        defaultSubcommand: WindowCommand.self
    )
}

/// Problems with the user's input end in one line on stderr and exit 1; argument syntax errors
/// keep swift-argument-parser's own message and usage.
func runMain() -> Never {
    do {
        var command = try ConvViewer.parseAsRoot()
        try command.run()
        exit(0)
    } catch where isDomainError(error) {
        FileHandle.standardError.write(Data("convviewer: \(String(describing: error).singleLine)\n".utf8))
        exit(1)
    } catch {
        ConvViewer.exit(withError: error)
    }
}

runMain()
