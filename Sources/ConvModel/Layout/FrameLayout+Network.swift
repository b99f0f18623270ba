/// The parts of the layout network mode adds: the stage under the pointer on the strip, and the
/// stage view in place of the panels.
extension FrameLayout {
    /// What a stage view covers: the panels, the timeline and the detail band.
    public var stageArea: Rect {
        Rect(x: panelBand.x, y: panelBand.y, width: panelBand.width, height: max(0, detail.frame.maxY - panelBand.y))
    }

    /// The strip stage (an index of `NetStages.names`) whose box holds the point. In network mode
    /// the boxes are the layout's equal ones, so this is what is drawn.
    public func stripStage(atX x: Double, y: Double) -> Int? {
        strip.boxes.firstIndex { $0.contains(x: x, y: y) }
    }

    /// The layout of stage `stage`'s view for a pass of the network.
    public func stageView(_ stage: Int, pass: NetworkPass) -> StageViewLayout {
        StageViewLayout(frame: stageArea, stage: stage, channels: pass.channels(stage), side: pass.side(stage),
                        filters1: pass.channels(NetStages.conv1), fonts: fonts, gap: gap)
    }
}
