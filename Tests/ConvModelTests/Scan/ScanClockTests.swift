import XCTest
import ConvModel

/// The scan (which cell the window is on, what is revealed) and the clock that drives it.
final class ScanClockTests: XCTestCase {
    // MARK: Scan

    /// One position per conv output cell: `face` (24×24) under a 3×3 kernel, valid, stride 1, has
    /// 22 × 22 = 484 positions (the status line's `37/484`); same padding 576; stride 2, 11 × 11 = 121.
    func testPositionCountIsOutputWidthTimesHeight() {
        let face = BuiltinImages.named("face")!.grid
        for (settings, count) in [(ConvSettings(), 484), (ConvSettings(padding: .same), 576), (ConvSettings(stride: 2), 121)] {
            let g = ConvGeometry(inputWidth: face.width, inputHeight: face.height, kernelSize: 3, settings: settings)
            let scan = ScanCursor(geometry: g)
            XCTAssertEqual(scan.count, count)
            XCTAssertEqual(scan.lastPosition, count - 1)
            XCTAssertEqual(scan.position, 0)
        }
        // Non-square: 7 wide × 4 high output.
        let scan = ScanCursor(columns: 7, rows: 4)
        XCTAssertEqual(scan.count, 28)
        XCTAssertEqual(scan.poolColumns, 3)
        XCTAssertEqual(scan.poolRows, 2)
    }

    /// Stepping one at a time from 0 visits every cell once in raster order (row by row, left to
    /// right), takes count − 1 steps to reach the end, and at position p exactly the cells 0…p are revealed.
    func testRevealOrderIsRaster() {
        var scan = ScanCursor(columns: 5, rows: 3)
        var visited: [[Int]] = [[scan.row, scan.col]]
        var steps = 0
        while !scan.isAtEnd {
            scan.step(by: 1)
            steps += 1
            visited.append([scan.row, scan.col])
            for r in 0..<3 {
                for c in 0..<5 {
                    XCTAssertEqual(scan.isRevealed(row: r, col: c), r * 5 + c <= scan.position, "(\(r), \(c)) at \(scan.position)")
                }
            }
        }
        XCTAssertEqual(steps, 14)
        XCTAssertEqual(visited, (0..<3).flatMap { r in (0..<5).map { [r, $0] } })
        // Outside the map nothing is revealed.
        XCTAssertFalse(scan.isRevealed(row: -1, col: 0))
        XCTAssertFalse(scan.isRevealed(row: 0, col: 5))
        XCTAssertFalse(scan.isRevealed(row: 3, col: 0))
    }

    /// A pool cell is revealed exactly when the bottom-right cell of its 2×2 block is computed:
    /// on a 6×4 map, pool (0, 0) at position 7 (row 1, col 1), pool (0, 2) at 11, pool (1, 1) at 21.
    func testPoolCellRevealedWhenItsBlockCompletes() {
        var scan = ScanCursor(columns: 6, rows: 4)
        for pr in 0..<2 {
            for pc in 0..<3 {
                let done = (2 * pr + 1) * 6 + 2 * pc + 1
                XCTAssertEqual(scan.completionPosition(poolRow: pr, poolCol: pc), done)
                scan.seek(done - 1)
                XCTAssertFalse(scan.isPoolRevealed(row: pr, col: pc), "pool (\(pr), \(pc)) one step early")
                scan.step(by: 1)
                XCTAssertTrue(scan.isPoolRevealed(row: pr, col: pc), "pool (\(pr), \(pc)) at \(done)")
            }
        }
        XCTAssertEqual(ScanCursor(columns: 6, rows: 4).completionPosition(poolRow: 0, poolCol: 2), 11)
        XCTAssertEqual(ScanCursor(columns: 6, rows: 4).completionPosition(poolRow: 1, poolCol: 1), 21)
        // Counting: after position p, the revealed pool cells are those whose block is complete.
        for p in 0..<24 {
            scan.seek(p)
            let revealed = (0..<2).flatMap { r in (0..<3).map { (r, $0) } }.filter { scan.isPoolRevealed(row: $0.0, col: $0.1) }
            XCTAssertEqual(revealed.count, [7, 9, 11, 19, 21, 23].filter { $0 <= p }.count, "position \(p)")
        }
    }

    /// Floor: a 5×5 conv map has a 2×2 pool; a conv cell on the dropped last row or column feeds no
    /// pool cell, and pool cells beyond 2×2 are never revealed.
    func testOddMapDropsLastRowAndColumnFromPool() {
        var scan = ScanCursor(columns: 5, rows: 5)
        XCTAssertEqual(scan.poolColumns, 2)
        XCTAssertEqual(scan.poolRows, 2)
        for p in 0..<25 {
            scan.seek(p)
            let r = p / 5, c = p % 5
            if r == 4 || c == 4 {
                XCTAssertNil(scan.poolCell, "conv (\(r), \(c)) is on a dropped row or column")
            } else {
                XCTAssertEqual(scan.poolCell?.row, r / 2)
                XCTAssertEqual(scan.poolCell?.col, c / 2)
            }
        }
        scan.seekEnd()
        XCTAssertTrue(scan.isPoolRevealed(row: 1, col: 1))
        XCTAssertFalse(scan.isPoolRevealed(row: 2, col: 0))
        XCTAssertFalse(scan.isPoolRevealed(row: 0, col: 2))
        // A 1-wide map has no pool at all.
        let thin = ScanCursor(columns: 1, rows: 6, position: 5)
        XCTAssertEqual(thin.poolColumns, 0)
        XCTAssertNil(thin.poolCell)
    }

    /// Back, seek, reset, row steps and clamping at both ends.
    func testBackSeekResetAndClamping() {
        var scan = ScanCursor(columns: 4, rows: 3)
        scan.step(by: 5)
        XCTAssertEqual(scan.position, 5)
        XCTAssertEqual(scan.row, 1)
        XCTAssertEqual(scan.col, 1)
        scan.step(by: -2)
        XCTAssertEqual(scan.position, 3)
        scan.step(by: -10)
        XCTAssertEqual(scan.position, 0, "back past the start stops at 0")
        scan.step(by: 100)
        XCTAssertEqual(scan.position, 11, "forward past the end stops at the last cell")
        XCTAssertTrue(scan.isAtEnd)
        scan.seek(6)
        XCTAssertEqual(scan.position, 6)
        scan.stepRow(by: 1)
        XCTAssertEqual(scan.position, 10)
        scan.stepRow(by: -2)
        XCTAssertEqual(scan.position, 2)
        scan.stepRow(by: -1)
        XCTAssertEqual(scan.position, 0)
        scan.stepRow(by: 5)
        XCTAssertEqual(scan.position, 11)
        scan.seek(-3)
        XCTAssertEqual(scan.position, 0)
        scan.seek(12)
        XCTAssertEqual(scan.position, 11)
        scan.reset()
        XCTAssertEqual(scan.position, 0)
        XCTAssertFalse(scan.isAtEnd)
        scan.seekEnd()
        XCTAssertEqual(scan.position, 11)
        XCTAssertEqual(ScanCursor(columns: 4, rows: 3, position: 99).position, 11)
        XCTAssertEqual(ScanCursor(columns: 4, rows: 3, position: -1).position, 0)
        // An empty map has one (meaningless) position and reveals nothing.
        let empty = ScanCursor(columns: 0, rows: 0)
        XCTAssertEqual(empty.count, 0)
        XCTAssertEqual(empty.position, 0)
        XCTAssertFalse(empty.isRevealed(row: 0, col: 0))
        XCTAssertNil(empty.poolCell)
    }

    /// Carrying a position to a map of another size keeps the row and column where they fit.
    func testCarriedKeepsRowAndColumnWhereTheyFit() {
        let scan = ScanCursor(columns: 22, rows: 22, position: 5 * 22 + 7)
        let a = scan.carried(toColumns: 14, rows: 14)
        XCTAssertEqual([a.row, a.col], [5, 7])
        let far = ScanCursor(columns: 22, rows: 22, position: 20 * 22 + 21)
        let b = far.carried(toColumns: 14, rows: 14)
        XCTAssertEqual([b.row, b.col], [13, 13])
        let c = far.carried(toColumns: 30, rows: 14)
        XCTAssertEqual([c.row, c.col], [13, 21])
        XCTAssertEqual(c.position, 13 * 30 + 21)
    }

    // MARK: Clock

    private let tick = 1.0 / 60.0

    /// Runs `ticks` ticks of 1/60 s and returns the tick numbers (1-based) at which the cursor moved,
    /// one entry per position moved.
    private func stepTicks(speed: Double, ticks: Int, cursor: inout ScanCursor) -> [Int] {
        var clock = Clock(speed: speed)
        var out: [Int] = []
        for t in 1...ticks {
            let before = cursor.position
            clock.advance(tick, cursor: &cursor)
            out += Array(repeating: t, count: max(0, cursor.position - before))
        }
        return out
    }

    /// Below the frame rate: 2 positions/s with 60 ticks/s is one step every 30 ticks, exactly:
    /// the first after 0.5 s (tick 30), then ticks 60, 90, …; 20 steps in 600 ticks (10 s).
    func testSlowSpeedStepsEveryThirtyTicks() {
        var cursor = ScanCursor(columns: 22, rows: 22)
        let ticks = stepTicks(speed: 2, ticks: 600, cursor: &cursor)
        XCTAssertEqual(ticks, (1...20).map { 30 * $0 })
        XCTAssertEqual(cursor.position, 20)
    }

    /// The same exactness at other speeds below the frame rate: after n seconds of 1/60 s ticks the
    /// cursor is at ⌊n·speed⌋ (1, 3, 4, 5, 10 and 12 positions per second divide evenly into 60 ticks).
    func testPositionAfterWholeSecondsIsSpeedTimesSeconds() {
        for speed in [1.0, 3, 4, 5, 10, 12, 0.5] {
            var cursor = ScanCursor(columns: 50, rows: 50)
            var clock = Clock(speed: speed)
            for second in 1...4 {
                for _ in 0..<60 { clock.advance(tick, cursor: &cursor) }
                XCTAssertEqual(cursor.position, Int(Double(second) * speed), "speed \(speed) after \(second) s")
            }
        }
    }

    /// Between steps the tween fraction grows by speed/60 per tick: at 2/s it is k/30 after k ticks,
    /// in [0, 1), and back near 0 right after a step.
    func testTweenFraction() {
        var cursor = ScanCursor(columns: 10, rows: 10)
        var clock = Clock(speed: 2)
        XCTAssertEqual(clock.tween, 0)
        for k in 1...29 {
            clock.advance(tick, cursor: &cursor)
            XCTAssertEqual(clock.tween, Double(k) / 30, accuracy: 1e-9, "tick \(k)")
            XCTAssertEqual(cursor.position, 0)
        }
        clock.advance(tick, cursor: &cursor)
        XCTAssertEqual(cursor.position, 1)
        XCTAssertEqual(clock.tween, 0, accuracy: 1e-9)
        // Above the frame rate the tween still stays in [0, 1).
        var fast = Clock(speed: 100)
        for _ in 0..<30 {
            fast.advance(tick, cursor: &cursor)
            XCTAssertTrue(fast.tween >= 0 && fast.tween < 1)
        }
    }

    /// Above the frame rate: 600 positions/s at 60 ticks/s is 10 steps in every tick.
    func testFastSpeedTakesSeveralStepsPerTick() {
        var cursor = ScanCursor(columns: 100, rows: 100)
        var clock = Clock(speed: 600)
        for t in 1...50 {
            clock.advance(tick, cursor: &cursor)
            XCTAssertEqual(cursor.position, 10 * t, "tick \(t)")
        }
        // 4096/s (the fastest) is 68.27 per tick: 68 or 69, and 4096 after 60 ticks.
        var big = ScanCursor(columns: 100, rows: 100)
        var top = Clock(speed: 4096)
        var last = 0
        for _ in 1...60 {
            top.advance(tick, cursor: &big)
            XCTAssertTrue([68, 69].contains(big.position - last))
            last = big.position
        }
        XCTAssertEqual(big.position, 4096)
    }

    /// Many steps in one tick never run past the last cell, and the clock then holds there.
    func testSeveralStepsInOneTickNeverOvershootTheEnd() {
        var cursor = ScanCursor(columns: 22, rows: 22)  // 484 positions
        var clock = Clock(speed: 4096)
        clock.advance(1.0, cursor: &cursor)  // 4096 positions' worth of time
        XCTAssertEqual(cursor.position, 483)
        XCTAssertTrue(cursor.isAtEnd)
        XCTAssertEqual(clock.tween, 0)
        var near = ScanCursor(columns: 22, rows: 22, position: 480)
        var c2 = Clock(speed: 600)
        c2.advance(tick, cursor: &near)  // 10 steps wanted, 3 left
        XCTAssertEqual(near.position, 483)
        // A single huge tick (the machine slept) does not overflow either.
        var c3 = Clock(speed: 4096)
        var cur3 = ScanCursor(columns: 22, rows: 22)
        c3.advance(1e9, cursor: &cur3)
        XCTAssertEqual(cur3.position, 483)
    }

    /// At the end the scan holds for `Clock.holdSeconds` (1.5 s: 90 ticks at 60 Hz), then loops to 0
    /// and starts again.
    func testHoldThenLoop() {
        XCTAssertEqual(Clock.holdSeconds, 1.5)
        var cursor = ScanCursor(columns: 3, rows: 2)  // 6 positions
        var clock = Clock(speed: 60)  // one step per tick
        for t in 1...5 {
            clock.advance(tick, cursor: &cursor)
            XCTAssertEqual(cursor.position, t)
        }
        XCTAssertTrue(cursor.isAtEnd)
        for t in 1..<90 {
            clock.advance(tick, cursor: &cursor)
            XCTAssertEqual(cursor.position, 5, "still holding after \(t) ticks")
            XCTAssertEqual(clock.tween, 0)
        }
        clock.advance(tick, cursor: &cursor)
        XCTAssertEqual(cursor.position, 0, "looped after 90 ticks = 1.5 s")
        clock.advance(tick, cursor: &cursor)
        XCTAssertEqual(cursor.position, 1, "and scanning again")
    }

    /// The hold measured in coarse ticks: 0.25 s ticks loop on the 6th tick after the end (1.5 s).
    func testHoldWithCoarseTicks() {
        var cursor = ScanCursor(columns: 2, rows: 1, position: 1)
        var clock = Clock(speed: 1)
        for t in 1...5 {
            clock.advance(0.25, cursor: &cursor)
            XCTAssertEqual(cursor.position, 1, "tick \(t)")
        }
        clock.advance(0.25, cursor: &cursor)
        XCTAssertEqual(cursor.position, 0)
    }

    /// Paused, nothing moves: not the cursor, not the tween, not the hold.
    func testPauseStopsEverything() {
        var cursor = ScanCursor(columns: 10, rows: 10)
        var clock = Clock(speed: 2)
        for _ in 0..<10 { clock.advance(tick, cursor: &cursor) }
        clock.isPlaying = false
        let frozen = clock, at = cursor
        for _ in 0..<600 { XCTAssertFalse(clock.advance(tick, cursor: &cursor)) }
        XCTAssertEqual(clock, frozen)
        XCTAssertEqual(cursor, at)
        // Also while holding at the end.
        var end = ScanCursor(columns: 2, rows: 2, position: 3)
        var holding = Clock(speed: 8)
        holding.advance(1.0, cursor: &end)
        holding.isPlaying = false
        for _ in 0..<600 { holding.advance(tick, cursor: &end) }
        XCTAssertEqual(end.position, 3)
        // Zero, negative and non-finite time do nothing either.
        var c = Clock(speed: 2)
        var cur = ScanCursor(columns: 10, rows: 10)
        for dt in [0, -1, Double.nan, Double.infinity] { XCTAssertFalse(c.advance(dt, cursor: &cur)) }
        XCTAssertEqual(c.tween, 0)
        XCTAssertEqual(cur.position, 0)
    }

    /// + and − double and halve the speed, clamped to 0.25…262144 positions per second.
    func testSpeedDoublesHalvesAndClamps() {
        var clock = Clock()
        XCTAssertEqual(clock.speed, 8)
        clock.faster()
        XCTAssertEqual(clock.speed, 16)
        for _ in 0..<20 { clock.faster() }
        XCTAssertEqual(clock.speed, 262_144)
        clock.slower()
        XCTAssertEqual(clock.speed, 131_072)
        for _ in 0..<30 { clock.slower() }
        XCTAssertEqual(clock.speed, 0.25)
        clock.faster()
        XCTAssertEqual(clock.speed, 0.5)
        clock.setSpeed(1e9)
        XCTAssertEqual(clock.speed, Clock.maxSpeed)
        clock.setSpeed(0)
        XCTAssertEqual(clock.speed, Clock.minSpeed)
        clock.setSpeed(-5)
        XCTAssertEqual(clock.speed, Clock.minSpeed)
        clock.setSpeed(.nan)
        XCTAssertEqual(clock.speed, Clock.defaultSpeed)
        XCTAssertEqual(Clock(speed: 1_000_000).speed, 262_144)
        XCTAssertEqual(Clock(speed: 0.01).speed, 0.25)
    }

    /// The slowest speed still moves: 0.25/s is one step every 4 s (240 ticks).
    func testSlowestSpeed() {
        var cursor = ScanCursor(columns: 10, rows: 10)
        let ticks = stepTicks(speed: 0.25, ticks: 960, cursor: &cursor)
        XCTAssertEqual(ticks, [240, 480, 720, 960])
    }

    /// A manual step forgets the partial progress, so the box does not jump right after it.
    func testResetPhase() {
        var cursor = ScanCursor(columns: 10, rows: 10)
        var clock = Clock(speed: 2)
        for _ in 0..<20 { clock.advance(tick, cursor: &cursor) }
        XCTAssertGreaterThan(clock.tween, 0.5)
        clock.resetPhase()
        XCTAssertEqual(clock.tween, 0)
        XCTAssertNil(clock.held)
    }
}
