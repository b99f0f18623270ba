import XCTest
import ConvModel

/// Moving the input (translation equivariance), the code overlay and tour switches.
final class ExplorationTests: XCTestCase {
    /// A 16×16 black image with a small bright shape well inside it, so that wrapping brings
    /// only black across the edges.
    private let blob: NamedImage = {
        var g = Grid(width: 16, height: 16)
        for (r, c, v) in [(6, 6, 1.0), (6, 7, 0.5), (7, 6, 0.25), (8, 8, 1.0), (7, 9, 0.75)] as [(Int, Int, Float)] {
            g[r, c] = v
        }
        return NamedImage(name: "blob", grid: g)
    }()

    func testShiftMovesTheInputAndWraps() throws {
        var s = try AppState(image: BuiltinImages.named("letter")!, kernel: Kernel.presets[1], playing: false)
        let original = s.image.grid
        s.update(.shiftInput(rows: 1, cols: -2))
        XCTAssertEqual(s.image.grid, original.shifted(rows: 1, cols: -2))
        XCTAssertEqual(s.image.grid[1, original.width - 2], original[0, 0])
        XCTAssertEqual(s.image.name, "letter, moved")
        XCTAssertEqual(s.maps, FeatureMaps(input: s.image.grid, kernel: s.kernel, settings: s.settings))
        s.update(.shiftInput(rows: -1, cols: 2))
        XCTAssertEqual(s.image.grid, original, "moving back restores the image")
        XCTAssertEqual(s.image.name, "letter, moved")
        let before = s
        s.update(.shiftInput(rows: 0, cols: 0))
        XCTAssertEqual(s, before)
    }

    /// Translation equivariance: moving the input by (1, 2) moves the conv, ReLU and (for even
    /// moves) pool maps by the same amount; the values are identical, not merely close.
    func testMapsMoveWithTheInput() throws {
        for settings in [ConvSettings(), ConvSettings(padding: .same), ConvSettings(padding: .same, dilation: 2)] {
            var s = try AppState(image: blob, kernel: Kernel.preset(named: "sobel_x")!, settings: settings)
            let before = s.maps
            s.update(.shiftInput(rows: 1, cols: 2))
            XCTAssertEqual(s.maps.conv, before.conv.shifted(rows: 1, cols: 2), "\(settings)")
            XCTAssertEqual(s.maps.relu, before.relu.shifted(rows: 1, cols: 2), "\(settings)")
            s.update(.shiftInput(rows: 1, cols: 0))
            XCTAssertEqual(s.maps.pool, before.pool.shifted(rows: 1, cols: 1), "\(settings)")
        }
    }

    func testShiftKeepsTheScanPosition() throws {
        var s = try AppState(image: blob, kernel: Kernel.presets[0], playing: false)
        s.update(.seek(30))
        s.update(.shiftInput(rows: 0, cols: 1))
        XCTAssertEqual(s.scan.position, 30)
    }

    func testToggleCode() throws {
        var s = try AppState(image: blob, kernel: Kernel.presets[0])
        XCTAssertFalse(s.view.showCode)
        s.update(.toggleCode)
        XCTAssertTrue(s.view.showCode)
        XCTAssertEqual(s.codeSnippets.map(\.language), [.numpy, .pytorch])
        s.update(.toggleCode)
        XCTAssertFalse(s.view.showCode)
    }

    func testToggleTour() throws {
        var s = try AppState(image: blob, kernel: Kernel.presets[0])
        s.update(.toggleTour)
        XCTAssertNotNil(s.tour)
        XCTAssertNotNil(s.caption)
        s.update(.toggleTour)
        XCTAssertNil(s.tour)
        XCTAssertNil(s.caption)
    }
}
