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
    public static let footer = "press h or ? to close"
    /// What the overlay lists: every binding the window has, in order.
    public static var lines: [KeyBinding] { KeyBindings.all }

    public let card: Rect
    public let titleRect: Rect
    public let footerRect: Rect
    public let rows: [Row]
    public let fontSize: Double
    public let columns: Int

    /// Lays the bindings out in `frame`, given the width of a keys text and of a description text
    /// at `size` (keys are bold).
    static func layout(_ frame: FrameLayout, keysWidth: Double, descriptionWidth: Double, size: Double) -> HelpOverlay {
        let bindings = lines
        let u = frame.unit
        let pad = 18 * u * (0.6 + 0.4 * frame.roominess)
        let gutter = size * 1.2
        let columnGap = size * 2.5
        let titleHeight = frame.fonts.title * 2.2
        let footerHeight = frame.fonts.small * 2.2
        let room = Rect(x: frame.margin, y: frame.margin, width: frame.width - 2 * frame.margin,
                        height: frame.height - 2 * frame.margin)
        let columnWidth = keysWidth + gutter + descriptionWidth
        var chosen: (columns: Int, spacing: Double) = (1, 1.2)
        search: for spacing in [1.75, 1.5, 1.3, 1.2] {
            for columns in [1, 2] {
                let perColumn = (bindings.count + columns - 1) / columns
                let w = Double(columns) * columnWidth + Double(columns - 1) * columnGap + 2 * pad
                let h = Double(perColumn) * size * spacing + titleHeight + footerHeight + 2 * pad
                if w <= room.width && h <= room.height {
                    chosen = (columns, spacing)
                    break search
                }
            }
        }
        let perColumn = (bindings.count + chosen.columns - 1) / chosen.columns
        let rowHeight = size * chosen.spacing
        let cardWidth = min(room.width, Double(chosen.columns) * columnWidth + Double(chosen.columns - 1) * columnGap + 2 * pad)
        let cardHeight = Double(perColumn) * rowHeight + titleHeight + footerHeight + 2 * pad
        let card = Rect(x: (frame.width / 2 - cardWidth / 2).rounded(), y: max(room.minY, (frame.height / 2 - cardHeight / 2).rounded()),
                        width: cardWidth, height: cardHeight)
        // When even the narrowest layout is too wide, the descriptions give up the room.
        let available = (card.width - 2 * pad - Double(chosen.columns - 1) * columnGap) / Double(chosen.columns)
        let keysColumn = min(keysWidth, available * 0.45)
        let descriptionColumn = max(0, available - keysColumn - gutter)
        var rows: [Row] = []
        for (i, b) in bindings.enumerated() {
            let column = i / perColumn, line = i % perColumn
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
                           rows: rows, fontSize: size, columns: chosen.columns)
    }
}
