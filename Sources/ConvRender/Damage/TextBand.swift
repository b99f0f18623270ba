import CCairo
import ConvModel

/// A band of the frame whose contents change with the scan (the status line, the written-out sum,
/// the pool's arithmetic), laid out once as placed pieces: each text with its font, colour, place
/// and a box that holds its ink.
///
/// Laying out is where the time goes (every string measured); a band is laid out once per state
/// (`RecentValues`) and then both drawn and compared with the band of the frame before: only the
/// pieces that differ are damage, and a damaged frame draws only the pieces its rectangle touches.
///
///     let changed = newBand.changes(from: oldBand)     // boxes to redraw
///     newBand.draw(canvas, where: renderer.wants)        // pieces inside the clip
struct TextBand {
    enum Piece: Equatable {
        /// `text` with its left end at `x` (whole pixels) and its baseline at `baseline`.
        case text(String, x: Double, baseline: Double, size: Double, bold: Bool, color: RGB, alpha: Double)
        /// A filled box with a frame of `borderWidth` just inside it.
        case swatch(Rect, fill: RGB, border: RGB, borderWidth: Double)
        /// The play triangle or the pause bars, `size` high, starting at `x` and centred on `midY`.
        case playIcon(x: Double, midY: Double, size: Double, playing: Bool, color: RGB)
    }

    private(set) var pieces: [Piece] = []
    /// Where each piece puts ink (parallel to `pieces`).
    private(set) var boxes: [Rect] = []

    /// Everything the band draws.
    var bounds: Rect { Rect.bounding(boxes) }

    /// Adds `text` at its left end `x` (rounded to a pixel, as `Canvas.text` does) in the font set
    /// on `canvas`, measured there; returns its width.
    ///
    /// With `byWord`, each word is a piece of its own, placed where it falls in the whole line, so
    /// that a line whose numbers change (`sum at row 3, column 7`) redraws only those numbers.
    @discardableResult
    mutating func text(_ s: String, x: Double, baseline: Double, size: Double, bold: Bool = false, _ color: RGB,
                       alpha: Double = 1, align: Canvas.Align = .left, byWord: Bool = false, measuredOn canvas: Canvas) -> Double {
        canvas.font(size, bold: bold)
        func start(_ width: Double) -> Double {
            switch align {
            case .left: return x.rounded()
            case .center: return (x - width / 2).rounded()
            case .right: return (x - width).rounded()
            }
        }
        // One piece: measured straight away, without a run (the sum's terms and signs, a dozen a step).
        guard byWord else {
            let e = canvas.extents(s)
            let x0 = start(e.x_advance)
            if !s.isEmpty {
                pieces.append(.text(s, x: x0, baseline: baseline, size: size, bold: bold, color: color, alpha: alpha))
                // The same box, to the last bit, as a run of one word gives (`TextRun`).
                boxes.append(Rect(x: x0 + (e.x_bearing - 1), y: baseline + (e.y_bearing - 1), width: e.width + 2, height: e.height + 2))
            }
            return e.x_advance
        }
        let run = canvas.wordRun(s)
        let x0 = start(run.width)
        for w in run.words {
            pieces.append(.text(w.text, x: x0 + w.dx, baseline: baseline, size: size, bold: bold, color: color, alpha: alpha))
            boxes.append(Rect(x: x0 + w.ink.x, y: baseline + w.ink.y, width: w.ink.width, height: w.ink.height))
        }
        return run.width
    }

    mutating func swatch(_ r: Rect, fill: RGB, border: RGB, borderWidth: Double) {
        pieces.append(.swatch(r, fill: fill, border: border, borderWidth: borderWidth))
        boxes.append(r)
    }

    mutating func playIcon(x: Double, midY: Double, size: Double, playing: Bool, _ color: RGB) {
        pieces.append(.playIcon(x: x, midY: midY, size: size, playing: playing, color: color))
        boxes.append(Rect(x: x - 1, y: midY - size / 2 - 1, width: size + 2, height: size + 2))
    }

    /// Draws the pieces whose boxes `wanted` accepts (all of them for a whole frame).
    func draw(_ canvas: Canvas, where wanted: (Rect) -> Bool) {
        let cr = canvas.cr
        for (piece, box) in zip(pieces, boxes) where wanted(box) {
            switch piece {
            case let .text(s, x, baseline, size, bold, color, alpha):
                canvas.font(size, bold: bold)
                canvas.show(s, x: x, y: baseline, color, alpha)
            case let .swatch(r, fill, border, borderWidth):
                canvas.fill(r, fill)
                canvas.frameInside(r, width: borderWidth, border)
            case let .playIcon(x, midY, size, playing, color):
                canvas.color(color)
                if playing {
                    cairo_move_to(cr, x, midY - size / 2)
                    cairo_line_to(cr, x + size * 0.85, midY)
                    cairo_line_to(cr, x, midY + size / 2)
                    cairo_close_path(cr)
                } else {
                    let bar = size * 0.3
                    cairo_rectangle(cr, x, midY - size / 2, bar, size)
                    cairo_rectangle(cr, x + size * 0.55, midY - size / 2, bar, size)
                }
                cairo_fill(cr)
            }
        }
    }

    /// The boxes of the pieces that are in one band and not the other: where the two differ.
    func changes(from old: TextBand) -> [Rect] {
        var out: [Rect] = []
        for i in pieces.indices where !old.holds(pieces[i], boxes[i], near: i) { out.append(boxes[i]) }
        for i in old.pieces.indices where !holds(old.pieces[i], old.boxes[i], near: i) { out.append(old.boxes[i]) }
        return out
    }

    /// Whether the band has `piece` at `box`: looked for first at `index` (a band laid out again
    /// mostly keeps its pieces in order), then anywhere (boxes first: they are cheap to compare).
    private func holds(_ piece: Piece, _ box: Rect, near index: Int) -> Bool {
        if index < pieces.count, boxes[index] == box, pieces[index] == piece { return true }
        for j in boxes.indices where boxes[j] == box && pieces[j] == piece { return true }
        return false
    }
}

/// The last few values worked out, by what they were worked out from: a damaged frame lays out
/// the bands of the frame before and of the new one, and draws the new one right after.
final class RecentValues<Key: Equatable, Value> {
    private var entries: [(key: Key, value: Value)] = []
    private let capacity: Int

    init(capacity: Int = 4) { self.capacity = capacity }

    func value(_ key: Key, make: () -> Value) -> Value {
        if let i = entries.firstIndex(where: { $0.key == key }) { return entries[i].value }
        let value = make()
        if entries.count >= capacity { entries.removeFirst() }
        entries.append((key, value))
        return value
    }
}
