import XCTest
import ConvModel

/// The timeline under the panels through `update(.pointer(_))`: a click seeks, a drag scrubs.
final class TimelineSeekTests: XCTestCase {
    private func state(playing: Bool = false) throws -> AppState {
        try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!, playing: playing)
    }

    /// The window x at the middle of position p's segment, on the track's centre line.
    private func point(_ p: Int, in s: AppState) -> (x: Double, y: Double) {
        let layout = FrameLayout(state: s)
        return (layout.timelineX(ofPosition: p, count: s.scan.count), layout.timeline.midY)
    }

    func testClickSeeks() throws {
        var s = try state()
        for p in [0, 1, 100, 483] {
            let q = point(p, in: s)
            XCTAssertEqual(s.timelinePosition(atX: q.x, y: q.y), p)
            s.update(.pointer(.pressed(x: q.x, y: q.y, button: .primary)))
            s.update(.pointer(.released(x: q.x, y: q.y, button: .primary)))
            XCTAssertEqual(s.scan.position, p)
            XCTAssertNil(s.drag)
        }
    }

    /// Property: for every position, the middle of its segment seeks to it (hit-testing agrees with drawing).
    func testEverySegmentIsReachable() throws {
        let s = try state()
        for p in 0..<s.scan.count {
            let q = point(p, in: s)
            XCTAssertEqual(s.timelinePosition(atX: q.x, y: q.y), p)
        }
    }

    /// The gaps above and below the thin track count too; the panels and the detail band do not.
    func testHitArea() throws {
        let s = try state()
        let layout = FrameLayout(state: s)
        let x = layout.timeline.midX
        XCTAssertNotNil(s.timelinePosition(atX: x, y: layout.timeline.minY - 2))
        XCTAssertNotNil(s.timelinePosition(atX: x, y: layout.timeline.maxY + 1))
        XCTAssertNil(s.timelinePosition(atX: x, y: layout.panelBand.midY))
        XCTAssertNil(s.timelinePosition(atX: x, y: layout.detail.frame.midY))
        XCTAssertNil(s.timelinePosition(atX: layout.timeline.minX - 1, y: layout.timeline.midY))
    }

    func testDragScrubsAndWaitsForNothingElse() throws {
        var s = try state(playing: true)
        let a = point(10, in: s), b = point(300, in: s)
        s.update(.pointer(.pressed(x: a.x, y: a.y, button: .primary)))
        XCTAssertEqual(s.scan.position, 10)
        XCTAssertEqual(s.drag?.isScrub, true)
        // Ticks do not move the scan while the timeline is held.
        s.update(.tick(seconds: 1))
        XCTAssertEqual(s.scan.position, 10)
        // Moving far above the track still scrubs by x.
        s.update(.pointer(.moved(x: b.x, y: b.y - 300)))
        XCTAssertEqual(s.scan.position, 300)
        XCTAssertEqual(s.panels, Array(repeating: PanelView(), count: 3), "a scrub is not a pan")
        let right = FrameLayout(state: s).timeline.maxX + 50
        s.update(.pointer(.moved(x: right, y: b.y)))
        XCTAssertEqual(s.scan.position, s.scan.count - 1, "past the end: the last position")
        s.update(.pointer(.moved(x: b.x, y: b.y)))
        s.update(.pointer(.released(x: b.x, y: b.y, button: .primary)))
        XCTAssertNil(s.drag)
        XCTAssertEqual(s.scan.position, 300)
        XCTAssertTrue(s.clock.isPlaying, "the play state is left as it was")
        s.update(.tick(seconds: 1))
        XCTAssertGreaterThan(s.scan.position, 300, "playing again after the release")
    }

    func testOtherButtonsDoNotSeek() throws {
        var s = try state()
        let q = point(200, in: s)
        s.update(.pointer(.pressed(x: q.x, y: q.y, button: .secondary)))
        XCTAssertEqual(s.scan.position, 0)
    }
}
