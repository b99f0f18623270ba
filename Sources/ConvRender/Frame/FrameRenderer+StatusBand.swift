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

    private func layOutStatusBand(_ scene: FrameScene) -> TextBand? {
        let r = scene.layout.status, state = scene.state
        guard !r.isEmpty, let canvas = measuringCanvas else { return nil }
        let (left, right) = FrameRenderer.statusText(state, left: rememberedSettingsText(state))
        let key = StatusKey(left: left, right: right, position: FrameRenderer.statusPosition(state),
                            tour: FrameRenderer.tourText(state), stageView: state.network?.openStage != nil,
                            playing: state.clock.isPlaying, rect: r,
                            size: scene.layout.fonts.status, theme: state.view.theme)
        return statusBands.value(key) {
            // A step changes the position's number alone: the line laid out for the position before
            // serves, with that piece laid out again, when the number's slot keeps its width.
            let p = scene.palette
            let shape = key.stageView ? nil : StatusShape.key(key, slot: FrameRenderer.slotWidth(key, canvas))
            if let shape, let last = statusShape, last.key == shape, let band = last.band(for: key, canvas) { return band }
            let (band, number) = FrameRenderer.layOutStatus(key, p, canvas)
            if let shape, let number { statusShape = StatusShape(key: shape, band: band, number: number) }
            return band
        }
    }

    /// A status line with the position's number taken out: what it looks like for any number whose
    /// slot is as wide.
    struct StatusShape {
        /// The key with the number (and the right half's position text) blanked, and the slot's width.
        let key: Key
        let band: TextBand
        /// Where the number piece is in the band and how it was placed.
        let number: NumberPlace

        struct Key: Equatable {
            let status: StatusKey
            let slot: Double
        }

        struct NumberPlace {
            let index: Int
            let right: Double, baseline: Double, size: Double, color: RGB
        }

        static func key(_ key: StatusKey, slot: Double) -> Key {
            let p = key.position
            var right = key.right
            if !right.isEmpty { right[0] = "" }
            let position = StatusPosition(label: p.label, number: "", total: p.total, widest: p.widest)
            return Key(status: StatusKey(left: key.left, right: right, position: position, tour: key.tour,
                                         stageView: key.stageView, playing: key.playing, rect: key.rect,
                                         size: key.size, theme: key.theme), slot: slot)
        }

        /// The band with the number of `key` in place of the one it was laid out with; nil when
        /// the number does not come out as one piece.
        func band(for key: StatusKey, _ canvas: Canvas) -> TextBand? {
            var piece = TextBand()
            piece.text(key.position.number + key.position.total, x: number.right, baseline: number.baseline,
                       size: number.size, bold: true, number.color, align: .right, measuredOn: canvas)
            var out = band
            guard out.replace(at: number.index, with: piece) else { return nil }
            // The measuring canvas is left in the font a whole layout leaves it in (the left half's).
            canvas.font(key.size)
            return out
        }
    }

    /// The width of the position's slot: the widest number it must hold, or the number if wider.
    private static func slotWidth(_ key: StatusKey, _ canvas: Canvas) -> Double {
        canvas.font(key.size, bold: true)
        return max(canvas.width(key.position.widest), canvas.width(key.position.number))
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

    /// One item of the right half: plain text, or the position with its number in a fixed slot.
    private enum RightItem {
        case text(String)
        case position(StatusPosition, withLabel: Bool)
    }

    /// The line's pieces, and where the position's number went (nil when it is not there as one
    /// piece).
    private static func layOutStatus(_ key: StatusKey, _ p: Palette, _ canvas: Canvas)
        -> (TextBand, StatusShape.NumberPlace?) {
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
        var number: StatusShape.NumberPlace?
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
                let index = band.pieces.count
                band.text(pos.number + pos.total, x: x, baseline: y, size: size, bold: true, p.text, align: .right,
                          measuredOn: canvas)
                if band.pieces.count == index + 1 {
                    number = StatusShape.NumberPlace(index: index, right: x, baseline: y, size: size, color: p.text)
                }
            }
        }
        if !key.stageView { band.playIcon(x: rightStart - icon, midY: r.midY, size: size * 0.8, playing: key.playing, p.text) }

        let room = rightStart - icon - gap - r.minX
        // (A line without its name is not kept for the next number: see `StatusShape.band`.)
        guard room > nameWidth else { return (band, nil) }
        band.text(name, x: r.minX, baseline: y, size: size, bold: true, p.text, measuredOn: canvas)
        canvas.font(size)
        let rest = FrameRenderer.fittedStatus(Array(key.left.dropFirst()), separator: dot, maxWidth: room - nameWidth, canvas)
        band.text(rest, x: r.minX + nameWidth, baseline: y, size: size, p.textDim, measuredOn: canvas)
        return (band, number)
    }
}
