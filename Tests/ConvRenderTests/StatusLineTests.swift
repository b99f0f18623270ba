import ConvModel
@testable import ConvRender
import XCTest

/// What the status line says in network mode and in a stage view, and how it is laid out so that
/// a scan step redraws only the position.
final class StatusLineTests: XCTestCase {
    private func networkState(position: Int, stage: Int? = nil, width: Int = 1920, height: Int = 1080) -> AppState {
        makeState(width: width, height: height) {
            // One test image: a bright block, true class 1, `Trouser`.
            $0.update(.setNetworkSource(NetworkRenderTests.source))
            $0.update(.toggleNetwork)
            $0.update(.seek(position))
            if let stage { $0.update(.openStage(stage)) }
        }
    }

    /// In network mode the panels scan conv1 of a 28×28 image with a 3×3 filter: 26 × 26 = 676
    /// positions. The left half names the test image, its true class, the prediction and the
    /// filter in the panels; the right half the conv1 position.
    func testNetworkModeNamesTheImageItsClassAndTheConv1Position() {
        let s = networkState(position: 200)
        let (left, right) = FrameRenderer.statusText(s)
        XCTAssertEqual(left[0], "test image 0 of 1")
        XCTAssertTrue(left.contains("true: Trouser"), "\(left)")
        XCTAssertTrue(left.contains { $0.hasPrefix("predicted: ") }, "\(left)")
        XCTAssertTrue(left.contains("filter 1 of 8"), "\(left)")
        XCTAssertEqual(right[0], "conv1 201/676")
        XCTAssertEqual(right.last, "h for help")
    }

    /// A stage view shows a stage, not the scan: the stage and its shape (conv2: 28 → 26 → 13 →
    /// 11, 16 filters; pool2: 5×5×16; softmax: 10 values), then what to point at; no position, no
    /// speed, no play state, and the left half drops the panels' filter.
    func testStageViewNamesTheStageAndItsShapeInsteadOfAPosition() {
        for (stage, shape, hint) in [(NetStages.conv2, "conv2 11×11×16", "point at a cell"),
                                     (NetStages.pool2, "pool2 5×5×16", "point at a cell"),
                                     (NetStages.flatten, "flatten 400", "point at a bar"),
                                     (NetStages.softmax, "softmax 10", "point at a class")] {
            let s = networkState(position: 200, stage: stage)
            let (left, right) = FrameRenderer.statusText(s)
            XCTAssertEqual(right, [shape, hint, "h for help"])
            XCTAssertFalse(left.contains { $0.hasPrefix("filter ") }, "\(left)")
            XCTAssertTrue(left.contains("true: Trouser"), "\(left)")
        }
    }

    /// Pointing at a cell of a stage view puts its place and value in the status line: the value
    /// is the one of that map at that row and column, written as everywhere else.
    func testStageViewStatusGivesTheHoveredValue() throws {
        var s = networkState(position: 0, stage: NetStages.relu1)
        let layout = FrameLayout(state: s)
        let view = layout.stageView(NetStages.relu1, pass: s.network!.pass)
        // The middle of map 3, row 4, column 7.
        let map = view.maps[2], cell = map.width / Double(view.mapSide)
        s.update(.pointer(.moved(x: map.minX + 7.5 * cell, y: map.minY + 4.5 * cell)))
        let hover = try XCTUnwrap(s.network?.stageHover)
        XCTAssertEqual([hover.channel, hover.row, hover.col], [2, 4, 7])
        let value = s.network!.pass.map(NetStages.relu1, channel: 2)[4, 7]
        XCTAssertGreaterThanOrEqual(value, 0, "relu1 is never negative")
        XCTAssertEqual(FrameRenderer.statusText(s).right,
                       ["relu1 26×26×8", "filter 3, row 4, column 7 = \(DecimalText.single(value))", "h for help"])
    }

    /// The position has a slot as wide as the last position, so a step — even from 9/484 to
    /// 10/484 or 99/484 to 100/484 — changes the position's piece and nothing else on the line.
    /// A step lays out only the position's number, in the slot the rest of the line left for it:
    /// the line comes out as if laid out whole, piece for piece, at any width, with a tour's
    /// scene count, in network mode, from a cold start or after many steps.
    func testTheLineWithItsNumberPutInEqualsTheLineLaidOutWhole() throws {
        func pieces(_ band: TextBand?) -> [String] {
            guard let band else { return [] }
            return zip(band.pieces, band.boxes).map { "\($0) \($1)" }.sorted()
        }
        var states: [AppState] = []
        for (w, h) in [(640, 400), (1280, 800), (1920, 1080), (3840, 2160)] {
            for position in [0, 8, 9, 99, 483] {
                states.append(makeState(width: w, height: h) { $0.update(.seek(position)) })
                states.append(networkState(position: position * 676 / 484, width: w, height: h))
            }
            states.append(makeState(width: w, height: h) { $0.update(.startTour(.builtin, loop: false)) })
        }
        let warm = FrameRenderer()
        for state in states {
            let cold = FrameRenderer()
            let scene = cold.scene(state, width: state.windowWidth, height: state.windowHeight)
            let whole = pieces(cold.wholeStatusBand(scene))
            XCTAssertFalse(whole.isEmpty)
            XCTAssertEqual(pieces(cold.statusBand(scene)), whole, "\(state.windowWidth)×\(state.windowHeight) \(state.scan.position)")
            let again = warm.scene(state, width: state.windowWidth, height: state.windowHeight)
            XCTAssertEqual(pieces(warm.statusBand(again)), whole, "\(state.windowWidth)×\(state.windowHeight) \(state.scan.position)")
        }
    }

    func testAStepChangesOnlyThePositionOnTheStatusLine() throws {
        let renderer = FrameRenderer()
        for position in [0, 8, 98, 300, 482] {
            let a = makeState(position: position) { $0.update(.setPlaying(true)) }
            var b = a
            b.update(.step(1))
            let lineA = try XCTUnwrap(renderer.statusBand(renderer.scene(a, width: 1920, height: 1080)))
            let lineB = try XCTUnwrap(renderer.statusBand(renderer.scene(b, width: 1920, height: 1080)))
            let changed = lineB.changes(from: lineA)
            XCTAssertEqual(changed.count, 2, "the old and the new position at \(position): \(changed)")
            let texts = zip(lineB.pieces, lineB.boxes).compactMap { piece, box -> (String, Rect)? in
                if case let .text(s, _, _, _, _, _, _) = piece { return (s, box) }
                return nil
            }
            let number = try XCTUnwrap(texts.first { $0.0 == "\(position + 2)/484" }, "\(texts.map(\.0))")
            XCTAssertTrue(changed.contains(number.1))
        }
    }
}
