import CCairo
import ConvModel

/// Each panel's cells drawn once at window resolution — the coloured map with its grid lines and
/// numbers, and the same grid empty — kept until the map, the mapping or a toggle changes.
///
/// A frame then copies the revealed part from one layer and the rest from the other: two pixel
/// copies per panel instead of scaling, blending grid lines and laying out hundreds of numbers
/// every frame. While the user zooms or pans the layers are redrawn each frame, which costs what
/// drawing directly would.
final class PanelLayers {
    struct Key: Equatable {
        let kind: PanelKind
        let empty: Bool
        /// The map and its colours; nil for an empty layer.
        let grid: Grid?
        let colormap: String
        let lo: Float
        let hi: Float
        let mapping: PanelMapping
        let unit: Double
        let fonts: FontSizes
        let theme: Theme
        let showGrid: Bool
        let showNumbers: Bool
    }

    private var entries: [(key: Key, surface: ImageSurface)] = []

    /// Layers larger than this many pixels are not kept (each costs 4 bytes a pixel).
    static let maxPixels = 40_000_000

    /// A new opaque surface covering `rect`, drawn by `draw` in window coordinates; nil when the
    /// rect is empty or too large to keep.
    static func drawn(covering rect: Rect, draw: (OpaquePointer) -> Void) -> ImageSurface? {
        let w = Int(rect.width), h = Int(rect.height)
        guard w > 0, h > 0, w * h <= maxPixels,
              let surface = try? ImageSurface(width: w, height: h, opaque: true) else { return nil }
        let context = DrawingContext(surface)
        cairo_translate(context.pointer, -rect.x, -rect.y)
        draw(context.pointer)
        cairo_surface_flush(surface.pointer)
        return surface
    }

    /// The layer for `key` covering `rect` (whole pixels, window coordinates), drawn by `draw`
    /// (which receives a context whose coordinates are window coordinates) when not cached.
    func layer(_ key: Key, covering rect: Rect, draw: (OpaquePointer) -> Void) -> ImageSurface? {
        if let hit = entries.first(where: { $0.key == key }) { return hit.surface }
        guard let surface = PanelLayers.drawn(covering: rect, draw: draw) else { return nil }
        entries.removeAll { $0.key.kind == key.kind && $0.key.empty == key.empty }
        entries.append((key, surface))
        return surface
    }
}

/// The architecture strip as recently drawn, with what it was drawn for. While a scan runs the
/// lit stage flips between the conv and the pool, so the last few are kept.
final class StripLayer {
    struct Key: Equatable {
        let stages: [ArchitectureStage]
        let lit: [Int]
        let layout: FrameLayout
        let theme: Theme
        /// In network mode, what else the strip shows: the pass, the open stage, the filter.
        var network: [Int] = []
    }

    private var entries: [(key: Key, surface: ImageSurface)] = []
    private static let capacity = 3

    func layer(_ key: Key, covering rect: Rect, draw: (OpaquePointer) -> Void) -> ImageSurface? {
        if let i = entries.firstIndex(where: { $0.key == key }) {
            let hit = entries.remove(at: i)
            entries.append(hit)
            return hit.surface
        }
        guard let surface = PanelLayers.drawn(covering: rect, draw: draw) else { return nil }
        entries.append((key, surface))
        if entries.count > StripLayer.capacity { entries.removeFirst() }
        return surface
    }
}

extension Rect {
    /// This rectangle minus `holes`, as boxes that do not overlap (bands from top to bottom).
    func subtracting(_ holes: [Rect]) -> [Rect] {
        let cut = holes.map { $0.intersection(self) }.filter { !$0.isEmpty }
        guard !cut.isEmpty else { return [self] }
        if cut.contains(where: { $0 == self }) { return [] }
        let ys = Set([minY, maxY] + cut.flatMap { [$0.minY, $0.maxY] }).sorted()
        var out: [Rect] = []
        for (y0, y1) in zip(ys, ys.dropFirst()) where y1 > y0 {
            let covering = cut.filter { $0.minY <= y0 && $0.maxY >= y1 }.sorted { $0.minX < $1.minX }
            var x = minX
            for hole in covering {
                if hole.minX > x { out.append(Rect(x: x, y: y0, width: hole.minX - x, height: y1 - y0)) }
                x = max(x, hole.maxX)
            }
            if x < maxX { out.append(Rect(x: x, y: y0, width: maxX - x, height: y1 - y0)) }
        }
        return out
    }
}
