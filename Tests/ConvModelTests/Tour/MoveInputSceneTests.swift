import XCTest
import ConvModel

/// The tour's "move the input" scene says the map moves by exactly as much as the picture and
/// keeps its shape. Checked here from the maps themselves, cell by cell: nothing of the picture
/// leaves the input, and nothing of any map leaves its panel or changes value.
final class MoveInputSceneTests: XCTestCase {
    private func scene() throws -> (TourScene, NamedImage) {
        let scene = try XCTUnwrap(Tour.builtin.scenes.first { $0.caption.title.hasPrefix("Move the input") })
        var moved: NamedImage?
        for cue in scene.cues {
            for case let .setImage(img) in cue.actions { moved = img }
        }
        return (scene, try XCTUnwrap(moved, "the scene moves its input with a cue"))
    }

    /// `b` is `a` moved `dr` rows down and `dc` columns right, with zeros coming in, and every
    /// nonzero cell of `a` lands inside `b` (nothing is lost over the edge).
    private func assertMoved(_ a: Grid, _ b: Grid, rows dr: Int, cols dc: Int, _ what: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.width, b.width, what, file: file, line: line)
        XCTAssertEqual(a.height, b.height, what, file: file, line: line)
        var lost = 0, wrong = 0, nonzero = 0
        for r in 0..<a.height {
            for c in 0..<a.width {
                if a[r, c] != 0 {
                    nonzero += 1
                    if !(0..<b.height).contains(r + dr) || !(0..<b.width).contains(c + dc) { lost += 1 }
                }
                let sr = r - dr, sc = c - dc
                let expected: Float = (0..<a.height).contains(sr) && (0..<a.width).contains(sc) ? a[sr, sc] : 0
                if b[r, c] != expected { wrong += 1 }
            }
        }
        XCTAssertGreaterThan(nonzero, 0, "\(what): nothing to see", file: file, line: line)
        XCTAssertEqual(lost, 0, "\(what): cells moved out of the panel", file: file, line: line)
        XCTAssertEqual(wrong, 0, "\(what): cells that are not the moved map's", file: file, line: line)
    }

    func testTheMovedInputIsTheSamePictureFurtherOn() throws {
        let (scene, moved) = try scene()
        let (dr, dc) = Tour.movedLetterOffset
        XCTAssertTrue(dr != 0 || dc != 0)
        assertMoved(scene.image.grid, moved.grid, rows: dr, cols: dc, "input")
    }

    func testEveryMapMovesByAsMuchAndKeepsItsShape() throws {
        let (scene, moved) = try scene()
        let (dr, dc) = Tour.movedLetterOffset
        // Whole pool blocks: the pool map then moves by half as much.
        XCTAssertEqual(dr % 2, 0)
        XCTAssertEqual(dc % 2, 0)
        let before = FeatureMaps(input: scene.image.grid, kernel: scene.kernel, settings: scene.settings)
        let after = FeatureMaps(input: moved.grid, kernel: scene.kernel, settings: scene.settings)
        XCTAssertEqual(scene.settings.stride, 1)
        assertMoved(before.conv, after.conv, rows: dr, cols: dc, "conv (signed)")
        assertMoved(before.relu, after.relu, rows: dr, cols: dc, "ReLU")
        assertMoved(before.pool, after.pool, rows: dr / 2, cols: dc / 2, "pool")
    }

    func testTheCaptionSaysHowFarItMoves() throws {
        let (scene, _) = try scene()
        let (dr, dc) = Tour.movedLetterOffset
        let words = ["zero", "one", "two", "three", "four"]
        if dr != 0 { XCTAssertTrue(scene.caption.text.contains("\(words[abs(dr)]) cell"), scene.caption.text) }
        if dc != 0 { XCTAssertTrue(scene.caption.text.contains("\(words[abs(dc)]) cell"), scene.caption.text) }
    }
}
