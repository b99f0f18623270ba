import ConvModel
import ConvNet
import XCTest

final class NetworkModeTests: XCTestCase {
    /// The panels in network mode are conv1: the conv panel's map is channel f of the network's
    /// conv1 for the same input (learned weights and bias), the pool panel its pool1 channel.
    func testPanelsShowTheSelectedFilterOfConv1() {
        var s = makeNetworkState()
        for f in [0, 3, 7] {
            s.update(.selectPreset(f))
            let mode = s.network!
            XCTAssertEqual(mode.filter, f)
            XCTAssertEqual(s.kernel.weights, Array(mode.source.weights.conv1Weight.values[f * 9 ..< f * 9 + 9]))
            XCTAssertEqual(s.settings.bias, mode.source.weights.conv1Bias.values[f])
            let conv1 = mode.pass.map(NetStages.conv1, channel: f), pool1 = mode.pass.map(NetStages.pool1, channel: f)
            XCTAssertEqual(s.maps.conv.width, 26)
            for i in conv1.values.indices { XCTAssertEqual(s.maps.conv.values[i], conv1.values[i], accuracy: 1e-5) }
            for i in pool1.values.indices { XCTAssertEqual(s.maps.pool.values[i], pool1.values[i], accuracy: 1e-5) }
        }
    }

    func testTestImagesAndFiltersStepAndWrap() {
        var s = makeNetworkState(source: makeNetworkSource(count: 3))
        XCTAssertEqual(s.network?.testIndex, 0)
        XCTAssertEqual(s.network?.trueLabel, 0)
        s.update(.nextInput)
        XCTAssertEqual(s.network?.testIndex, 1)
        XCTAssertEqual(s.image.grid, s.network!.source.testGrid(1))
        XCTAssertEqual(s.network?.pass.input, s.image.grid, "the pass follows the input")
        s.update(.previousInput)
        s.update(.previousInput)
        XCTAssertEqual(s.network?.testIndex, 2, "I before the first wraps to the last")
        XCTAssertEqual(s.network?.trueLabel, 2)
        s.update(.previousFilter)
        XCTAssertEqual(s.network?.filter, 7, "F before the first filter wraps to the last of 8")
        s.update(.nextFilter)
        XCTAssertEqual(s.network?.filter, 0)
        s.update(.selectPreset(8))
        XCTAssertEqual(s.network?.filter, 0, "key 9 names no filter of 8")
    }

    func testLeavingGivesBackWhatWasShown() {
        var s = makeNetworkState()
        s.update(.nextInput)
        s.update(.nextFilter)
        s.update(.toggleNetwork)
        XCTAssertNil(s.network)
        XCTAssertEqual(s.image.name, "face")
        XCTAssertEqual(s.kernel, Kernel.preset(named: "edge_v"))
        XCTAssertEqual(s.settings, ConvSettings())
        XCTAssertEqual(FrameLayout(state: s).strip.frame.height, FrameLayout(width: 1280, height: 800).strip.frame.height)
    }

    func testWithoutANetworkNAsksTheShellToLoadOne() {
        var s = try! AppState(image: BuiltinImages.named("face")!, kernel: Kernel.preset(named: "edge_v")!)
        XCTAssertEqual(s.update(.toggleNetwork), [.loadNetwork])
        XCTAssertNil(s.network)
    }

    /// Paint to classify: clearing and one stroke each make a new pass in the same update, and
    /// the probabilities are those of the network on the painted picture.
    func testPaintingUpdatesEveryStageInTheSameUpdate() {
        var s = makeNetworkState()
        s.update(.togglePaintMode)
        s.update(.clearCanvas)
        XCTAssertNil(s.network?.testIndex, "a painting is no test image")
        XCTAssertEqual(s.network?.pass.input, Grid(width: 28, height: 28))
        let blank = s.network!.pass
        s.update(.paintStroke(fromRow: 4, fromCol: 14, toRow: 24, toCol: 14, value: 1))
        let painted = s.network!.pass
        XCTAssertEqual(painted.input, s.image.grid)
        XCTAssertGreaterThan(painted.revision, blank.revision)
        XCTAssertNotEqual(painted.probabilities, blank.probabilities)
        let net = Network(s.network!.source.weights)
        _ = net.classify(values: s.image.grid.values)
        XCTAssertEqual(painted.probabilities, net.probabilities)
        XCTAssertEqual(painted.probabilities.reduce(0, +), 1, accuracy: 1e-5)
    }

    func testStripClicksOpenStagesAndTheInputGoesBack() {
        var s = makeNetworkState()
        let boxes = FrameLayout(state: s).strip.boxes
        XCTAssertEqual(boxes.count, NetStages.names.count)
        for i in 1..<boxes.count {
            s.update(.pointer(.pressed(x: boxes[i].midX, y: boxes[i].midY, button: .primary)))
            s.update(.pointer(.released(x: boxes[i].midX, y: boxes[i].midY, button: .primary)))
            XCTAssertEqual(s.network?.openStage, i, "click on \(NetStages.names[i])")
        }
        s.update(.pointer(.pressed(x: boxes[0].midX, y: boxes[0].midY, button: .primary)))
        XCTAssertNil(s.network?.openStage, "a click on the input goes back to the panels")
        s.update(.stepStage(1))
        XCTAssertEqual(s.network?.openStage, NetStages.conv1)
        s.update(.stepStage(-1))
        XCTAssertNil(s.network?.openStage)
        s.update(.stepStage(-1))
        XCTAssertEqual(s.network?.openStage, NetStages.softmax)
        s.update(.escape)
        XCTAssertNil(s.network?.openStage, "Esc closes the stage view")
        XCTAssertNotNil(s.network, "and only that")
    }

    func testHoveringAMapCellPicksItsValue() {
        var s = makeNetworkState(width: 1920, height: 1080)
        s.update(.openStage(NetStages.conv2))
        let v = FrameLayout(state: s).stageView(NetStages.conv2, pass: s.network!.pass)
        XCTAssertEqual(v.maps.count, 16)
        let r = v.maps[5], cell = r.width / 11
        s.update(.pointer(.moved(x: r.x + cell * 7.5, y: r.y + cell * 2.5)))
        XCTAssertEqual(s.network?.stageHover, StageCell(stage: NetStages.conv2, channel: 5, row: 2, col: 7))
        XCTAssertEqual(s.network?.kernelFilter, 5, "the kernel column follows the filter under the pointer")
        XCTAssertEqual(s.network?.stageHover?.receptiveField, NetReceptiveField(row: 4, col: 14, size: 8))
        s.update(.pointer(.left))
        XCTAssertNil(s.network?.stageHover)
    }

    func testTheStripShowsTheNetworksRealShapes() {
        let s = makeNetworkState()
        let stages = ArchitectureStrip.stages(for: s.network!.pass)
        XCTAssertEqual(stages.map(\.shapeText), ["28×28×1", "26×26×8", "26×26×8", "13×13×8", "11×11×16", "11×11×16",
                                                  "5×5×16", "400", "10", "10"])
        XCTAssertEqual(stages.map(\.shortName), NetStages.names)
    }

    func testTheCodeOverlayShowsTheNetworkInPyTorch() {
        let s = makeNetworkState()
        let lines = s.codeSnippets.flatMap(\.lines)
        XCTAssertTrue(lines.contains { $0.contains("nn.Conv2d(1, 8, 3)") })
        XCTAssertTrue(lines.contains { $0.contains("nn.Conv2d(8, 16, 3)") })
        XCTAssertTrue(lines.contains { $0.contains("nn.Linear(400, 10)") })
        XCTAssertTrue(lines.contains { $0.contains("test-8-16.json") })
        XCTAssertTrue(lines.allSatisfy { $0.count <= CodeSnippet.maxLineLength })
    }
}
