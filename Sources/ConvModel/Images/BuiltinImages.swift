/// An input image with the name it goes by on the command line and in the window.
public struct NamedImage: Equatable, Sendable {
    public let name: String
    public let grid: Grid

    public init(name: String, grid: Grid) {
        self.name = name
        self.grid = grid
    }
}

/// The built-in pixel-art inputs, drawn in code so that they need no files.
public enum BuiltinImages {
    /// Names in the order `i` / `I` walk them.
    public static let names = ["face", "cross", "diag", "checker", "circle", "letter", "stripes", "gradient"]

    public static var all: [NamedImage] { names.map { NamedImage(name: $0, grid: grid(named: $0)!) } }

    public static func named(_ name: String) -> NamedImage? {
        grid(named: name).map { NamedImage(name: name, grid: $0) }
    }

    /// A short description for `convviewer list`.
    public static func summary(of name: String) -> String {
        switch name {
        case "face": return "two eyes and a mouth"
        case "cross": return "a plus sign"
        case "diag": return "a thin diagonal line"
        case "checker": return "a checkerboard of 4×4 squares"
        case "circle": return "a filled disc"
        case "letter": return "the letter A"
        case "stripes": return "vertical stripes"
        case "gradient": return "a left-to-right ramp from black to white"
        default: return ""
        }
    }

    static func grid(named name: String) -> Grid? {
        switch name {
        case "face": return face()
        case "cross": return cross()
        case "diag": return diag()
        case "checker": return checker()
        case "circle": return circle()
        case "letter": return letter()
        case "stripes": return stripes()
        case "gradient": return gradient()
        default: return nil
        }
    }

    /// White eyes and a smiling mouth on black, inside a faint outline of the head.
    static func face() -> Grid {
        var g = Grid(width: 24, height: 24)
        // The head: a dim ring, so the features stay the strongest edges.
        for r in 0..<24 {
            for c in 0..<24 {
                let dy = Float(r) - 11.5, dx = Float(c) - 11.5
                let d = (dx * dx + dy * dy).squareRoot()
                if d >= 10.2 && d < 11.4 { g[r, c] = 0.3 }
            }
        }
        fill(&g, rows: 6..<10, cols: 6..<9, 1)    // left eye
        fill(&g, rows: 6..<10, cols: 15..<18, 1)  // right eye
        fill(&g, rows: 16..<18, cols: 7..<17, 1)  // mouth
        fill(&g, rows: 14..<16, cols: 5..<7, 1)   // corners of the smile
        fill(&g, rows: 14..<16, cols: 17..<19, 1)
        return g
    }

    static func cross() -> Grid {
        var g = Grid(width: 24, height: 24)
        fill(&g, rows: 10..<14, cols: 3..<21, 1)
        fill(&g, rows: 3..<21, cols: 10..<14, 1)
        return g
    }

    /// One-pixel line from the top-left corner to the bottom-right.
    static func diag() -> Grid {
        var g = Grid(width: 24, height: 24)
        for i in 0..<24 { g[i, i] = 1 }
        return g
    }

    static func checker() -> Grid {
        var g = Grid(width: 16, height: 16)
        for r in 0..<16 { for c in 0..<16 where (r / 4 + c / 4) % 2 == 0 { g[r, c] = 1 } }
        return g
    }

    static func circle() -> Grid {
        var g = Grid(width: 24, height: 24)
        for r in 0..<24 {
            for c in 0..<24 {
                let dy = Float(r) - 11.5, dx = Float(c) - 11.5
                if dx * dx + dy * dy <= 8.5 * 8.5 { g[r, c] = 1 }
            }
        }
        return g
    }

    /// A capital A from a 5×7 bitmap font, drawn three cells to a dot.
    static func letter() -> Grid {
        let glyph = [
            ".###.",
            "#...#",
            "#...#",
            "#####",
            "#...#",
            "#...#",
            "#...#",
        ]
        var g = Grid(width: 25, height: 27)
        for (r, line) in glyph.enumerated() {
            for (c, ch) in line.enumerated() where ch == "#" {
                fill(&g, rows: 3 + 3 * r ..< 6 + 3 * r, cols: 5 + 3 * c ..< 8 + 3 * c, 1)
            }
        }
        return g
    }

    static func stripes() -> Grid {
        var g = Grid(width: 24, height: 24)
        for r in 0..<24 { for c in 0..<24 where (c / 3) % 2 == 1 { g[r, c] = 1 } }
        return g
    }

    static func gradient() -> Grid {
        var g = Grid(width: 32, height: 16)
        for r in 0..<16 { for c in 0..<32 { g[r, c] = Float(c) / 31 } }
        return g
    }

    private static func fill(_ g: inout Grid, rows: Range<Int>, cols: Range<Int>, _ v: Float) {
        for r in rows { for c in cols { g[r, c] = v } }
    }
}
