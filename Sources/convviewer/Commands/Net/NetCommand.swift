import ArgumentParser

/// `convviewer net`: the small CNN of DESIGN.md ("The network") — train it, measure it, and
/// classify one image with every stage of the pass.
struct NetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "net",
        abstract: "Train the small CNN on Fashion-MNIST (or any 28×28 IDX data set), measure it, classify an image.",
        subcommands: [NetTrainCommand.self, NetEvalCommand.self, NetClassifyCommand.self]
    )
}
