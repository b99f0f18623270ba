import ConvModel
@testable import ConvRender
import XCTest

/// The timeline: x ↔ scan position (`FrameLayout.timelinePosition`), and the track drawn to match.
final class TimelineTests: XCTestCase {
    /// Property: the middle of every position's segment maps back to that position, and the ends
    /// of the track (and beyond) to the first and last positions.
    func testPositionAtX() {
        for (w, h) in [(1920, 1080), (1280, 800), (640, 400), (3840, 2160)] {
            let l = FrameLayout(width: w, height: h)
            for count in [1, 2, 7, 121, 484, 10_000, 250_000] {
                let step = max(1, count / 997)
                for p in stride(from: 0, to: count, by: step) {
                    XCTAssertEqual(l.timelinePosition(atX: l.timelineX(ofPosition: p, count: count), count: count), p,
                                   "\(count) positions at \(w)×\(h)")
                }
                XCTAssertEqual(l.timelinePosition(atX: l.timeline.minX, count: count), 0)
                XCTAssertEqual(l.timelinePosition(atX: l.timeline.minX - 500, count: count), 0)
                XCTAssertEqual(l.timelinePosition(atX: l.timeline.maxX, count: count), count - 1)
                XCTAssertEqual(l.timelinePosition(atX: l.timeline.maxX + 500, count: count), count - 1)
                XCTAssertEqual(l.timelinePosition(atX: .nan, count: count), 0)
                XCTAssertEqual(l.timelineX(afterPosition: count - 1, count: count), l.timeline.maxX, accuracy: 1e-9)
            }
            XCTAssertEqual(l.timelinePosition(atX: l.timeline.midX, count: 0), 0, "no positions")
            // Positions increase with x: never a step back.
            var last = 0
            for x in stride(from: l.timeline.minX - 3, through: l.timeline.maxX + 3, by: 0.5) {
                let p = l.timelinePosition(atX: x, count: 484)
                XCTAssertGreaterThanOrEqual(p, last)
                last = p
            }
            let hit = l.timelineHitRect
            XCTAssertTrue(hit.contains(l.timeline))
            XCTAssertGreaterThanOrEqual(hit.minY, l.panelBand.maxY)
            XCTAssertLessThanOrEqual(hit.maxY, l.detail.frame.minY)
        }
    }

    /// The track is filled up to the end of the current position's segment; the knob sits on its
    /// middle, so a click on the knob finds the position shown.
    func testTrackMatchesTheMapping() {
        for theme in Theme.allCases {
            for position in [0, 37, 242, 483] {
                let s = makeState(position: position) { $0.view.theme = theme }
                let l = FrameLayout(state: s)
                let p = Palette.of(theme), t = l.timeline, n = s.scan.count
                let frame = renderFrame(s)
                let knob = t.height * 1.1
                let end = l.timelineX(afterPosition: position, count: n)
                let ticks = Set((0..<s.scan.poolRows).flatMap { r in
                    (0..<s.scan.poolColumns).map { c in
                        Int(l.timelineX(ofPosition: s.scan.completionPosition(poolRow: r, poolCol: c), count: n).rounded())
                    }
                })
                /// The nearest pixel column at or past `x` (in direction `dir`) that holds no tick.
                func clear(_ x: Double, _ dir: Int) -> Double {
                    var i = Int(x.rounded(.down))
                    while ticks.contains(i) { i += dir }
                    return Double(i)
                }
                let y = t.midY.rounded(.down)
                let knobX = min(max(l.timelineX(ofPosition: position, count: n), t.minX + knob), t.maxX - knob)
                func awayFromKnob(_ x: Double) -> Bool { abs(x - knobX) > knob + 2 }
                let before = clear(end - knob - 3, -1), after = clear(end + knob + 3, 1)
                if before > t.minX + t.height, awayFromKnob(before) {
                    assertColor(frame, before, y, p.trackFill, "filled before position \(position), \(theme)")
                }
                if after < t.maxX - t.height, awayFromKnob(after) {
                    assertColor(frame, after, y, p.track, "empty after position \(position), \(theme)")
                }
                assertColor(frame, knobX, y, p.text, "knob at position \(position), \(theme)")
                if knobX == l.timelineX(ofPosition: position, count: n) {
                    XCTAssertEqual(l.timelinePosition(atX: knobX, count: n), position)
                }
            }
        }
    }

    /// Where a pool cell completes there is a tick: a pixel column that is neither track nor fill.
    func testPoolCompletionTicks() {
        let s = makeState(position: 200)
        let l = FrameLayout(state: s)
        let frame = renderFrame(s)
        let n = s.scan.count, y = l.timeline.midY.rounded(.down), p = Palette.dark
        for (r, c) in [(0, 0), (2, 5), (8, 3), (10, 10)] {
            let at = s.scan.completionPosition(poolRow: r, poolCol: c)
            let x = l.timelineX(ofPosition: at, count: n).rounded()
            if abs(x - l.timelineX(ofPosition: 200, count: n)) < l.timeline.height * 2 { continue }
            let got = frame.rgb(x, y)
            XCTAssertNotEqual(hex(got), hex(p.track.rgb), "tick for pool (\(r), \(c))")
            XCTAssertNotEqual(hex(got), hex(p.trackFill.rgb), "tick for pool (\(r), \(c))")
        }
    }
}
