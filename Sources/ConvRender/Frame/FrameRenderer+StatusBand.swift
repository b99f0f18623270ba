import ConvModel

/// The status line laid out as pieces (`TextBand`): the name and settings on the left, the
/// position, speed and play state on the right, `h for help` at the end.
///
/// The position (`37/484`) has a slot as wide as the scan's last position, so a step changes that
/// piece alone, and nothing else on the line moves as the number grows from 9 to 10 to 100.
extension FrameRenderer {
    /// Where the scan is, as the status line writes it: `position ` + `37` + `/484`.
    struct StatusPosition: Equatable {
        let label: String
        let number: String
        let total: String
        /// The widest number the slot must hold (the last position).
        let widest: String

        var text: String { label + number + total }
    }

    /// In network mode the panels scan the first conv layer with one learned filter: the label
    /// says which layer (`conv1 201/676`).
    static func statusPosition(_ state: AppState) -> StatusPosition {
        let scan = state.scan, label = state.network == nil ? "position " : "conv1 "
        guard scan.count > 0 else { return StatusPosition(label: label, number: "0", total: "/0", widest: "0") }
        return StatusPosition(label: label, number: "\(scan.position + 1)", total: "/\(scan.count)", widest: "\(scan.count)")
    }

    struct StatusKey: Equatable {
        let left: [String]
        let right: [String]
        let position: StatusPosition
        let tour: String?
        /// A stage view: the right half names the stage and the value under the pointer, with no
        /// position and no play state.
        let stageView: Bool
        let playing: Bool
        let rect: Rect
        let size: Double
        let theme: Theme
    }

    /// The status line's pieces for a scene, laid out once per state (nil when there is no line
    /// or nothing to measure with).
    func statusBand(_ scene: FrameScene) -> TextBand? {
        extras(scene).value(\.status) { layOutStatusBand(scene) }
    }

    /// The line laid out without the position's number, and where that number goes: the slot
    /// is as wide as the widest number, so a step, which changes the number alone, reuses the rest.
    struct StatusLine {
        struct Slot {
            /// The right end of the number and its total (`37/484`), and its font and colour.
            let right: Double
            let baseline: Double
            let size: Double
            let color: RGB
        }

        let band: TextBand
        let slot: Slot?
    }

    private func layOutStatusBand(_ scene: FrameScene) -> TextBand? {
        let r = scene.layout.status, state = scene.state
        guard !r.isEmpty, let canvas = measuringCanvas else { return nil }
        var (left, right) = FrameRenderer.statusText(state, left: rememberedSettingsText(state))
        let position = FrameRenderer.statusPosition(state), stageView = state.network?.openStage != nil
        // Outside a stage view the right half starts with the position, which is laid out from `position`.
        if !stageView { right[0] = "" }
        let key = StatusKey(left: left, right: right,
                            position: StatusPosition(label: position.label, number: "", total: position.total, widest: position.widest),
                            tour: FrameRenderer.tourText(state), stageView: stageView,
                            playing: state.clock.isPlaying, rect: r,
                            size: scene.layout.fonts.status, theme: state.view.theme)
        let line = statusBands.value(key) { FrameRenderer.layOutStatus(key, scene.palette, canvas) }
        guard let slot = line.slot else { return line.band }
        canvas.font(slot.size, bold: true)
        // A number wider than the slot (never with DejaVu's digits, which are all one width) would
        // push the line about: lay it out whole.
        guard canvas.width(position.number) <= canvas.width(position.widest) else { return wholeStatusBand(scene) }
        var band = line.band
        band.text(position.number + position.total, x: slot.right, baseline: slot.baseline, size: slot.size, bold: true,
                  slot.color, align: .right, measuredOn: canvas)
        return band
    }

    /// The status line's left half, written again only when what it is written from changed.
    private func rememberedSettingsText(_ state: AppState) -> [String] {
        guard state.network == nil else { return FrameRenderer.settingsText(state) }
        let key = FrameRenderer.SettingsTextKey(state)
        if let known = settingsTextMemo, known.key == key { return known.text }
        let text = FrameRenderer.settingsText(state)
        settingsTextMemo = (key, text)
        return text
    }

    /// The line laid out whole, the number with the rest, as nothing remembered: what
    /// `statusBand` must come to (the tests compare the two).
    func wholeStatusBand(_ scene: FrameScene) -> TextBand? {
        let r = scene.layout.status, state = scene.state
        guard !r.isEmpty, let canvas = measuringCanvas else { return nil }
        let (left, right) = FrameRenderer.statusText(state)
        let key = StatusKey(left: left, right: right, position: FrameRenderer.statusPosition(state),
                            tour: FrameRenderer.tourText(state), stageView: state.network?.openStage != nil,
                            playing: state.clock.isPlaying, rect: r, size: scene.layout.fonts.status, theme: state.view.theme)
        return FrameRenderer.layOutStatus(key, scene.palette, canvas).band
    }

    /// One item of the right half: plain text, or the position with its number in a fixed slot.
    private enum RightItem {
        case text(String)
        case position(StatusPosition, withLabel: Bool)
    }

    /// The line for `key`; a position whose number is empty is left out, and its slot returned.
    private static func layOutStatus(_ key: StatusKey, _ p: Palette, _ canvas: Canvas) -> StatusLine {
        let r = key.rect, size = key.size
        var band = TextBand()
        let dot = "  ·  "
        canvas.font(size)
        let y = canvas.baseline(centredOn: r.midY)
        let help = key.right.last!
        let helpWidth = canvas.width(help)
        let dotWidth = canvas.width(dot)
        canvas.font(size, bold: true)
        let name = key.left[0]
        let nameWidth = canvas.width(name)
        let gap = size * 1.4, icon = key.stageView ? 0 : size * 1.3

        func width(_ item: RightItem) -> Double {
            switch item {
            case let .text(s): return canvas.width(s)
            case let .position(pos, withLabel):
                return (withLabel ? canvas.width(pos.label) : 0) + slotWidth(pos) + canvas.width(pos.total)
            }
        }
        func slotWidth(_ pos: StatusPosition) -> Double { max(canvas.width(pos.widest), canvas.width(pos.number)) }
        func width(_ items: [RightItem]) -> Double {
            items.reduce(0) { $0 + width($1) } + Double(max(0, items.count - 1)) * dotWidth
        }

        // The right half stays whole; in a narrow window it drops its words, then the speed (in a
        // stage view, the value under the pointer).
        let pos = key.position
        let full = RightItem.position(pos, withLabel: true), bare = RightItem.position(pos, withLabel: false)
        var variants: [[RightItem]]
        if key.stageView {
            variants = [[.text(key.right[0]), .text(key.right[1])], [.text(key.right[0])]]
        } else {
            let speed = RightItem.text(key.right[1]), play = RightItem.text(key.right[2])
            variants = [[full, speed, play], [bare, speed, play], [bare, play], [bare]]
        }
        if let tour = key.tour {
            variants = variants.dropLast().map { [.text(tour)] + $0 } + variants.suffix(1)
        }
        var chosen = variants.last!
        var chosenWidth = width(chosen)
        for v in variants {
            let w = width(v)
            if r.width - helpWidth - gap - w - icon - gap >= min(nameWidth + size * 8, r.width * 0.45) {
                chosen = v
                chosenWidth = w
                break
            }
        }
        band.text(help, x: r.maxX, baseline: y, size: size, p.textFaint, align: .right, measuredOn: canvas)
        let rightStart = r.maxX - helpWidth - gap - chosenWidth
        var x = rightStart
        var slot: StatusLine.Slot?
        for (i, item) in chosen.enumerated() {
            if i > 0 { x += band.text(dot, x: x, baseline: y, size: size, bold: true, p.text, measuredOn: canvas) }
            switch item {
            case let .text(s):
                x += band.text(s, x: x, baseline: y, size: size, bold: true, p.text, measuredOn: canvas)
            case let .position(pos, withLabel):
                if withLabel { x += band.text(pos.label, x: x, baseline: y, size: size, bold: true, p.text, measuredOn: canvas) }
                // `37/484` as one piece, right-aligned in its slot: one word to read and to redraw.
                canvas.font(size, bold: true)
                x += slotWidth(pos) + canvas.width(pos.total)
                if pos.number.isEmpty {
                    slot = StatusLine.Slot(right: x, baseline: y, size: size, color: p.text)
                } else {
                    band.text(pos.number + pos.total, x: x, baseline: y, size: size, bold: true, p.text, align: .right,
                              measuredOn: canvas)
                }
            }
        }
        if !key.stageView { band.playIcon(x: rightStart - icon, midY: r.midY, size: size * 0.8, playing: key.playing, p.text) }

        let room = rightStart - icon - gap - r.minX
        guard room > nameWidth else { return StatusLine(band: band, slot: slot) }
        band.text(name, x: r.minX, baseline: y, size: size, bold: true, p.text, measuredOn: canvas)
        canvas.font(size)
        let rest = FrameRenderer.fittedStatus(Array(key.left.dropFirst()), separator: dot, maxWidth: room - nameWidth, canvas)
        band.text(rest, x: r.minX + nameWidth, baseline: y, size: size, p.textDim, measuredOn: canvas)
        return StatusLine(band: band, slot: slot)
    }
}
