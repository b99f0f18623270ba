import CCairo
import ConvModel

/// The status line along the top and the timeline under the panels.
extension FrameRenderer {
    /// The two halves of the status line: what is being shown, and where the scan is (in a stage
    /// view: the stage and the value under the pointer). The right half ends with `h for help`.
    static func statusText(_ state: AppState) -> (left: [String], right: [String]) {
        statusText(state, left: settingsText(state))
    }

    /// The left half of the status line: the input, the kernel and the settings (in network mode,
    /// the network's own), which a scan step leaves as they were.
    static func settingsText(_ state: AppState) -> [String] {
        let g = state.geometry, s = state.settings, k = state.kernel
        // A custom kernel is shown as the text `--filter` reads (the weights as stored, before any flip).
        // Its minus signs are drawn as U+2212, the one minus of the picture.
        let weights = String(k.text.map { $0 == "-" ? Character(DecimalText.minus) : $0 })
        let kernel = k.name == "custom" ? "custom \(k.size)×\(k.size): \(weights)" : "\(k.label) \(k.size)×\(k.size)"
        var left = ["\(state.image.name) \(g.inputWidth)×\(g.inputHeight)", kernel,
                    "stride \(s.stride)", "\(s.padding.rawValue) padding"]
        if s.dilation > 1 { left.append("dilation \(s.dilation)") }
        if s.bias != 0 { left.append("bias \(DecimalText.single(s.bias))") }
        if s.flip { left.append("flipped") }
        if state.painter.isOn { left.append("painting: left button white, right black") }
        if let mode = state.network { left = FrameRenderer.networkStatus(mode, painting: state.painter.isOn) }
        return left
    }

    /// What the left half of the status line is written from, outside network mode.
    struct SettingsTextKey: Equatable {
        let image: String
        let inputWidth: Int, inputHeight: Int
        let kernel: Kernel
        let settings: ConvSettings
        let painting: Bool

        init(_ state: AppState) {
            image = state.image.name
            inputWidth = state.geometry.inputWidth
            inputHeight = state.geometry.inputHeight
            kernel = state.kernel
            settings = state.settings
            painting = state.painter.isOn
        }
    }

    /// The two halves of the status line with the left one given (`settingsText`).
    static func statusText(_ state: AppState, left: [String]) -> (left: [String], right: [String]) {
        if let mode = state.network, let stage = mode.openStage {
            return (left, FrameRenderer.stageStatus(mode, stage: stage) + ["h for help"])
        }
        let scan = state.scan
        let scanTime = Clock.scanTimeText(positions: scan.count, speed: state.clock.speed)
        let right = [statusPosition(state).text, "\(speedText(state.clock.speed))/s  ·  scan \(scanTime)",
                     state.clock.isPlaying ? "playing" : "paused", "h for help"]
        return (left, right)
    }

    /// `scene 3 of 17` while a tour is on: what a presenter paging through it needs to see.
    static func tourText(_ state: AppState) -> String? {
        guard let tour = state.tour, tour.scene != nil else { return nil }
        return "scene \(tour.sceneIndex + 1) of \(tour.tour.scenes.count)"
    }

    static func speedText(_ s: Double) -> String {
        if s >= 10 || s == s.rounded() { return String(Int(s.rounded())) }
        return DecimalText.fixed(s, decimals: 2)
    }

    func drawStatus(_ scene: FrameScene, _ canvas: Canvas) {
        let r = scene.layout.status, p = scene.palette
        guard !r.isEmpty else { return }
        canvas.line(r.minX, r.maxY - 0.5, r.maxX, r.maxY - 0.5, width: 1, p.panelBorder)
        statusBand(scene)?.draw(canvas, where: wants)
    }

    /// `separator` + the items joined, cut to fit. What gives way first: the painting hint, then a
    /// long custom kernel's weights (the first item), cut and then left out, so that stride,
    /// padding, dilation and flip stay in view; only then the end of the line.
    static func fittedStatus(_ items: [String], separator: String, maxWidth: Double, _ canvas: Canvas) -> String {
        let hint = items.filter { $0.hasPrefix("painting:") }
        var candidates = [items]
        if !hint.isEmpty { candidates.append(items.filter { !hint.contains($0) }) }
        for list in candidates {
            let whole = separator + list.joined(separator: separator)
            if canvas.width(whole) <= maxWidth { return whole }
            guard let kernel = list.first, let colon = customKernelColon(kernel) else { continue }
            let head = String(kernel[...colon])
            let others = list.dropFirst().map { separator + $0 }.joined()
            let room = maxWidth - canvas.width(separator + head + " ") - canvas.width(others)
            let weights = String(kernel[kernel.index(after: colon)...]).drop { $0 == " " }
            if room >= canvas.width("0,0…") {
                return separator + head + " " + canvas.fitted(String(weights), maxWidth: room) + others
            }
            let bare = separator + kernel[..<colon] + others
            if canvas.width(bare) <= maxWidth { return bare }
        }
        var last = candidates.last!
        if let kernel = last.first, let colon = customKernelColon(kernel) { last[0] = String(kernel[..<colon]) }
        return canvas.fitted(separator + last.joined(separator: separator), maxWidth: maxWidth)
    }

    /// Where the weights of a custom kernel's item (`custom 3×3: 1,0,…`) start; nil for any other
    /// item, such as network mode's `true: Ankle boot`, which is never cut short this way.
    private static func customKernelColon(_ item: String) -> String.Index? {
        item.hasPrefix("custom ") ? item.firstIndex(of: ":") : nil
    }

    /// A track the width of the panels: filled up to the current position, with a tick wherever
    /// a pool cell completes (brighter once passed) when they are far enough apart to see.
    /// Positions map to x through `FrameLayout.timelineX`, the inverse of the window's
    /// `timelinePosition(atX:count:)`.
    func drawTimeline(_ scene: FrameScene, _ canvas: Canvas) {
        let r = scene.layout.timeline, p = scene.palette, scan = scene.scan
        guard !r.isEmpty, scan.count > 0 else { return }
        let cr = canvas.cr
        // Away from its round ends the track is a plain band: a damaged rectangle there fills the
        // same pixels without tracing the ends' arcs.
        if let clip = damageClip, clip.minX >= r.minX + r.height, clip.maxX <= r.maxX - r.height {
            canvas.fill(r, p.track)
        } else {
            canvas.fillRounded(r, radius: r.height / 2, p.track)
        }
        let l = scene.layout
        let x = l.timelineX(afterPosition: scan.position, count: scan.count)
        // The knob sits on the middle of the current position's segment, so a click on it stays there.
        let knob = r.height * 1.1
        let knobAt = KnobMask.place(x: min(max(l.timelineX(ofPosition: scan.position, count: scan.count), r.minX + knob),
                                           r.maxX - knob), y: r.midY)
        let knobX = knobAt.x
        let fill = Rect(x: r.minX, y: r.y, width: x - r.minX, height: r.height)
        if let clip = damageClip,
           let box = FrameRenderer.plainTrackFill(fill, radius: r.height / 2, knob: (knobX, knobAt.y, knob), clip: clip) {
            canvas.fill(box, p.trackFill)
        } else {
            canvas.fillRounded(fill, radius: r.height / 2, p.trackFill)
        }

        let pools = scan.poolColumns * scan.poolRows
        if pools > 0, r.width / Double(pools) >= 4 {
            let tick = max(1, scene.layout.unit.rounded(.down))
            var done: [Double] = [], ahead: [Double] = []
            // A damaged frame draws only the ticks in its rectangle (the rest are clipped anyway).
            let wanted = damageClip.map { $0.minX - tick - 1...$0.maxX + 1 } ?? -Double.infinity...Double.infinity
            for pr in 0..<scan.poolRows {
                for pc in 0..<scan.poolColumns {
                    let at = scan.completionPosition(poolRow: pr, poolCol: pc)
                    let tx = l.timelineX(ofPosition: at, count: scan.count).rounded()
                    guard wanted.contains(tx) else { continue }
                    if at <= scan.position { done.append(tx) } else { ahead.append(tx) }
                }
            }
            for (xs, c, a) in [(done, p.background, 0.4), (ahead, p.textFaint, 0.45)] where !xs.isEmpty {
                for tx in xs { cairo_rectangle(cr, tx, r.y, tick, r.height) }
                canvas.color(c, a)
                cairo_fill(cr)
            }
        }
        canvas.color(p.text)
        if let mask = knobMasks.mask(radius: knob, knobAt) {
            cairo_mask_surface(cr, mask.surface, mask.x, mask.y)
        } else {
            cairo_arc(cr, knobX, knobAt.y, knob, 0, 2 * .pi)
            cairo_fill(cr)
        }
    }

    /// The filled part of the track as a plain box, for a damaged rectangle clear of its round left
    /// end, when its round right end lies under the knob where the knob covers every pixel whole:
    /// the knob, drawn over it, leaves the same pixels as over the rounded fill, and a box costs
    /// Cairo far less than tracing arcs. Nil when that does not hold (draw the rounded fill).
    ///
    /// Where the two shapes differ: the pixel columns from the start of the right end's arcs to
    /// its last, over the track's rows. Each such pixel must lie inside the knob's circle with room
    /// to spare for how Cairo flattens the circle (a tenth of a pixel).
    static func plainTrackFill(_ fill: Rect, radius: Double, knob: (x: Double, y: Double, r: Double), clip: Rect) -> Rect? {
        guard fill.minY == fill.minY.rounded(), fill.maxY == fill.maxY.rounded(), fill.width >= 2 * radius + 2,
              clip.minX >= (fill.minX + radius).rounded(.up) else { return nil }
        let x0 = (fill.maxX - radius).rounded(.down), x1 = fill.maxX.rounded(.up)
        let inner = knob.r - 0.5
        for cx in [x0, x1] {
            for cy in [fill.minY, fill.maxY] where (cx - knob.x) * (cx - knob.x) + (cy - knob.y) * (cy - knob.y) > inner * inner {
                return nil
            }
        }
        let left = max(fill.minX, clip.minX.rounded(.down))
        return Rect(x: left, y: fill.minY, width: x1 - left, height: fill.height)
    }
}
