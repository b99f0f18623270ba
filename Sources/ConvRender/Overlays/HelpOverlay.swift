import ConvModel

/// The help overlay: every key binding on a card over the dimmed frame, in one column or two,
/// whichever fits the window.
///
///     let help = renderer.helpOverlay(for: state)
///     help.rows.map(\.keys)     // the keys of `KeyBindings.all`, in order
public struct HelpOverlay: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public let keys: String
        public let description: String
        /// Where the keys (right-aligned) and the description (left-aligned) are written.
        public let keysRect: Rect
        public let descriptionRect: Rect
    }

    public static let title = "Keys and mouse"
    public static let footer = "press h, ? or Esc to close"
    /// What the overlay lists: every binding the window has, in order.
    public static var lines: [KeyBinding] { KeyBindings.all }

    public let card: Rect
    public let titleRect: Rect
    public let footerRect: Rect
    public let rows: [Row]
    public let fontSize: Double
    public let columns: Int

    /// Lays the bindings out in `frame`, given the widest keys text (bold) and the widest
    /// description measured at `measuredAt` pixels.
    ///
    /// It takes the largest text size, then the most generous line spacing, then the fewest
    /// columns that fit. Text goes below 12 px (to 6 px) only when nothing else fits, which
    /// happens in windows smaller than about 800×600; then every binding is still listed.
    static func layout(_ frame: FrameLayout, keysWidth: Double, descriptionWidth: Double, measuredAt size0: Double) -> HelpOverlay {
        let bindings = lines
        let room = OverlaySizing.room(in: frame)
        let sizes = OverlaySizing.candidateSizes(from: size0, scale: frame.scale)

        func geometry(_ size: Double, _ spacing: Double, _ columns: Int) -> (width: Double, height: Double, perColumn: Int) {
            let k = size / size0
            let column = (keysWidth + descriptionWidth) * k + size * 1.2
            let perColumn = (bindings.count + columns - 1) / columns
            let width = (Double(columns) * column + Double(columns - 1) * size * 2.2 + 2 * size * 1.2 + 2).rounded(.up)
            let height = Double(perColumn) * size * spacing + size * 2.0 + size * 1.8 + 2 * size * 1.2
            return (width, height, perColumn)
        }
        var chosen: (size: Double, spacing: Double, columns: Int)?
        search: for size in sizes {
            for spacing in [1.6, 1.4, 1.25, 1.15] {
                for columns in 1...3 {
                    let g = geometry(size, spacing, columns)
                    if g.width <= room.width && g.height <= room.height {
                        chosen = (size, spacing, columns)
                        break search
                    }
                }
            }
        }
        let (size, spacing, columns) = chosen ?? (6, 1.15, 1)
        let k = size / size0
        let pad = size * 1.2, gutter = size * 1.2, columnGap = size * 2.2
        let titleHeight = size * 2.0, footerHeight = size * 1.8
        let g = geometry(size, spacing, columns)
        let cardWidth = min(room.width, g.width), cardHeight = min(room.height, g.height)
        let card = Rect(x: (frame.width / 2 - cardWidth / 2).rounded(), y: (frame.height / 2 - cardHeight / 2).rounded(),
                        width: cardWidth.rounded(.down), height: cardHeight.rounded(.down))
        // When even the smallest layout is too wide, the descriptions give up the room.
        let available = (card.width - 2 * pad - Double(columns - 1) * columnGap) / Double(columns)
        let keysColumn = min(keysWidth * k, available * 0.45)
        let descriptionColumn = max(0, available - keysColumn - gutter)
        let rowHeight = size * spacing
        var rows: [Row] = []
        for (i, b) in bindings.enumerated() {
            let column = i / g.perColumn, line = i % g.perColumn
            let x = card.minX + pad + Double(column) * (available + columnGap)
            let y = card.minY + pad + titleHeight + Double(line) * rowHeight
            rows.append(Row(keys: b.keys, description: b.description,
                            keysRect: Rect(x: x, y: y, width: keysColumn, height: rowHeight),
                            descriptionRect: Rect(x: x + keysColumn + gutter, y: y, width: descriptionColumn, height: rowHeight)))
        }
        return HelpOverlay(card: card,
                           titleRect: Rect(x: card.minX + pad, y: card.minY + pad, width: card.width - 2 * pad, height: titleHeight),
                           footerRect: Rect(x: card.minX + pad, y: card.maxY - pad - footerHeight,
                                            width: card.width - 2 * pad, height: footerHeight),
                           rows: rows, fontSize: size, columns: columns)
    }
}
