/// An axis-aligned rectangle in window pixels: x to the right, y down, origin at the top-left.
///
/// Its members are `@inlinable`: a damaged frame asks thousands of times per step whether boxes
/// meet, and a call into this module for each costs more than the arithmetic.
public struct Rect: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    @inlinable
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    @inlinable
    public var minX: Double { x }
    @inlinable
    public var minY: Double { y }
    @inlinable
    public var maxX: Double { x + width }
    @inlinable
    public var maxY: Double { y + height }
    @inlinable
    public var midX: Double { x + width / 2 }
    @inlinable
    public var midY: Double { y + height / 2 }
    @inlinable
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// True when the point lies inside; the left and top edges are inside, the right and bottom are not.
    @inlinable
    public func contains(x px: Double, y py: Double) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// Smaller on every side by `dx` and `dy` (larger when negative); never below zero size.
    @inlinable
    public func insetBy(dx: Double, dy: Double) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    /// The overlap of two rectangles, or an empty one at this one's origin.
    @inlinable
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(minX, other.minX), y0 = max(minY, other.minY)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        guard x1 > x0, y1 > y0 else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// Whether `other` lies wholly inside this rectangle.
    @inlinable
    public func contains(_ other: Rect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }
}
