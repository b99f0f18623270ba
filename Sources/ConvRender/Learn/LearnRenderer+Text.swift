import CCairo
import ConvModel

/// The learn view's words: the status line, the figures and the key legend.
extension LearnRenderer {
    func drawStatus(_ scene: LearnScene, _ canvas: Canvas) {
        let r = scene.layout.status, p = scene.palette, f = scene.fonts
        guard !r.isEmpty else { return }
        canvas.line(r.minX, r.maxY - 0.5, r.maxX, r.maxY - 0.5, width: 1, p.panelBorder)
        let (title, state) = LearnText.status(scene.snapshot)
        let y = canvas.baseline(centredOn: r.midY)
        canvas.font(f.status, bold: true)
        let titleWidth = canvas.width(title)
        let gap = f.status * 1.4
        canvas.font(f.status)
        let stateText = canvas.fitted(state, maxWidth: max(0, r.width - titleWidth - gap))
        canvas.text(stateText, x: r.maxX, y: y, align: .right, scene.snapshot.diverged ? p.warning : p.text)
        let room = r.width - canvas.width(stateText) - gap
        canvas.font(f.status, bold: true)
        if room >= titleWidth { canvas.text(title, x: r.minX, y: y, p.text) }
    }

    func drawFigures(_ scene: LearnScene, _ canvas: Canvas) {
        let l = scene.layout, p = scene.palette, f = scene.fonts
        var lines = l.figures[...]
        canvas.font(f.small)
        if let notice = LearnText.notice(scene.snapshot), let r = lines.first {
            canvas.text(canvas.firstFitting(notice, maxWidth: r.width) ?? canvas.fitted(notice.last!, maxWidth: r.width), in: r, p.warning)
            lines = lines.dropFirst()
        }
        let figures = LearnText.figures(scene.snapshot)
        let columns = l.figureColumns
        let labelWidth = figures.map { canvas.width($0.label) }.max()! + f.small
        for (i, figure) in figures.enumerated() {
            let lineIndex = lines.startIndex + i / columns
            guard lineIndex < lines.endIndex else { break }
            let line = lines[lineIndex]
            let cellWidth = ((line.width - Double(columns - 1) * f.small * 2) / Double(columns)).rounded(.down)
            let x = line.minX + Double(i % columns) * (cellWidth + f.small * 2)
            let cell = Rect(x: x, y: line.minY, width: cellWidth, height: line.height)
            let labelRoom = min(labelWidth, cell.width * 0.45)
            canvas.text(canvas.fitted(figure.label, maxWidth: labelRoom - f.small * 0.5), in: cell, p.textDim)
            let value = Rect(x: cell.minX + labelRoom, y: cell.minY, width: cell.width - labelRoom, height: cell.height)
            canvas.text(canvas.fitted(figure.value, maxWidth: value.width), in: value, p.text)
        }
    }

    /// The keys in as many lines as the layout gives, each pair whole; a message, when there is
    /// one, takes the first line.
    func drawKeys(_ scene: LearnScene, _ canvas: Canvas) {
        let r = scene.layout.keys, p = scene.palette, f = scene.fonts
        guard !r.isEmpty else { return }
        let lineHeight = r.height / Double(scene.layout.keyLines)
        var line = 0
        canvas.font(f.small)
        if let message = scene.view.message {
            let row = Rect(x: r.minX, y: r.minY, width: r.width, height: lineHeight)
            canvas.text(canvas.fitted(message, maxWidth: r.width), in: row, p.text)
            line = 1
        }
        let space = f.small * 0.4, pairGap = f.small * 1.6
        var x = r.minX
        for (key, does) in LearnView.keys {
            guard line < scene.layout.keyLines else { break }
            canvas.font(f.small, bold: true)
            let keyWidth = canvas.width(key)
            canvas.font(f.small)
            let doesWidth = canvas.width(does)
            if x > r.minX && x + keyWidth + space + doesWidth > r.maxX {
                line += 1
                x = r.minX
                guard line < scene.layout.keyLines else { break }
            }
            guard x + keyWidth + space + doesWidth <= r.maxX else { break }
            let y = canvas.baseline(centredOn: r.minY + (Double(line) + 0.5) * lineHeight)
            canvas.font(f.small, bold: true)
            canvas.text(key, x: x, y: y, p.text)
            canvas.font(f.small)
            canvas.text(does, x: x + keyWidth + space, y: y, p.textDim)
            x += keyWidth + space + doesWidth + pairGap
        }
    }
}
