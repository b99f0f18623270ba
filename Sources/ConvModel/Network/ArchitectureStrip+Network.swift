extension ArchitectureStrip {
    /// The stages of the network actually loaded, with the shapes of this pass: what the strip
    /// shows in network mode. Short names are the stage names of `net classify --json`.
    public static func stages(for pass: NetworkPass) -> [ArchitectureStage] {
        let titles = ["input", "conv1 3×3", "ReLU", "max-pool 2×2", "conv2 3×3", "ReLU", "max-pool 2×2",
                      "flatten", "dense", "softmax"]
        return NetStages.names.indices.map { i in
            let shape = pass.stages[i].tensor.shape
            // Tensors are [channel][row][column]; the strip writes height, width, channels.
            let hwc = shape.count == 3 ? [shape[1], shape[2], shape[0]] : shape
            return ArchitectureStage(kind: kind(i), name: titles[i], shortName: NetStages.names[i], shape: hwc,
                                     isShownInPanels: NetStages.shownInPanels.contains(i))
        }
    }

    private static func kind(_ i: Int) -> ArchitectureStage.Kind {
        switch i {
        case NetStages.input: return .input
        case NetStages.conv1, NetStages.conv2: return .conv
        case NetStages.relu1, NetStages.relu2: return .relu
        case NetStages.pool1, NetStages.pool2: return .pool
        case NetStages.flatten: return .flatten
        case NetStages.dense: return .dense
        default: return .softmax
        }
    }
}
