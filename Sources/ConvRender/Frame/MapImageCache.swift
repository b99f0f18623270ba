import CCairo
import ConvModel

/// How a grid's values become colours: a colour map over a value range.
struct ColorScale {
    let colormap: Colormap
    let lo: Float
    let hi: Float

    @inline(__always) func index(_ v: Float) -> Int { colormap.index(of: v, lo: lo, hi: hi) }
    func color(_ v: Float) -> RGB { colormap.colors[index(v)] }
    func wantsDarkText(_ v: Float) -> Bool { colormap.wantsDarkText[index(v)] }
}

/// Grids as image surfaces with one pixel per cell, kept between frames: the window draws the
/// same maps again and again, and a 512×512 map costs more to colour than to draw.
///
/// A lookup compares the grid itself; Swift arrays compare by identity first, so an unchanged
/// map costs nothing to check, and a changed one is never mistaken for the old.
final class MapImageCache {
    private struct Entry {
        let grid: Grid
        let colormap: String
        let lo: Float
        let hi: Float
        let surface: ImageSurface
    }

    private var entries: [Entry] = []
    private let capacity: Int

    init(capacity: Int = 8) { self.capacity = capacity }

    /// The grid coloured by `scale`; nil for an empty grid or when Cairo cannot make the surface.
    func surface(for grid: Grid, scale: ColorScale) -> ImageSurface? {
        guard !grid.isEmpty else { return nil }
        if let i = entries.firstIndex(where: {
            $0.colormap == scale.colormap.name && $0.lo == scale.lo && $0.hi == scale.hi && $0.grid == grid
        }) {
            let hit = entries.remove(at: i)
            entries.append(hit)
            return hit.surface
        }
        guard let surface = MapImageCache.make(grid, scale) else { return nil }
        entries.append(Entry(grid: grid, colormap: scale.colormap.name, lo: scale.lo, hi: scale.hi, surface: surface))
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        return surface
    }

    static func make(_ grid: Grid, _ scale: ColorScale) -> ImageSurface? {
        guard let surface = try? ImageSurface(width: grid.width, height: grid.height, opaque: true) else { return nil }
        cairo_surface_flush(surface.pointer)
        guard let data = cairo_image_surface_get_data(surface.pointer) else { return nil }
        let stride = surface.stride, w = grid.width
        let lo = scale.lo, span = scale.hi - scale.lo
        scale.colormap.pixels.withUnsafeBufferPointer { table in
            grid.values.withUnsafeBufferPointer { values in
                for r in 0..<grid.height {
                    let row = UnsafeMutableRawPointer(data + r * stride).assumingMemoryBound(to: UInt32.self)
                    let src = values.baseAddress! + r * w
                    if span > 0 {
                        let k = 255 / span
                        for c in 0..<w {
                            let t = (src[c] - lo) * k
                            // NaN fails both comparisons and lands on index 0.
                            let i = t > 0 ? (t < 255 ? Int(t + 0.5) : 255) : 0
                            row[c] = table[i]
                        }
                    } else {
                        for c in 0..<w { row[c] = table[src[c] > lo ? 255 : 0] }
                    }
                }
            }
        }
        cairo_surface_mark_dirty(surface.pointer)
        return surface
    }
}
