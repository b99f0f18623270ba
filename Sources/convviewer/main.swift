import ArgumentParser
import Foundation

/// `convviewer` with no subcommand opens the window; the subcommands work without a display.
struct ConvViewer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convviewer",
        abstract: "Watch a convolution kernel slide over an image: conv, ReLU and 2×2 pooling, step by step.",
        version: ConvViewer.version,
        subcommands: [WindowCommand.self, ListCommand.self, ComputeCommand.self, RenderCommand.self, RecordCommand.self, BenchCommand.self, NetCommand.self],
        defaultSubcommand: WindowCommand.self
    )

    static let version = "0.9.0"
}

/// Problems with the user's input end in one line on stderr and exit 1; command-line mistakes
/// (unknown commands and options, a missing value, options that exclude each other) exit 64,
/// argument syntax errors with swift-argument-parser's own message and usage.
func runMain() -> Never {
    if let message = ArgumentBytes.notUTF8Message() {
        FileHandle.standardError.write(Data("convviewer: \(message)\n".utf8))
        exit(1)
    }
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let first = arguments.first, let message = CommandNames.unknownCommandMessage(first) {
        // The window takes no bare words, so a word first is a command, mistyped.
        FileHandle.standardError.write(Data("convviewer: \(message)\n".utf8))
        exit(64)
    }
    do {
        var command = try ConvViewer.parseAsRoot(NetViewOptions.expandBareNet(arguments))
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
