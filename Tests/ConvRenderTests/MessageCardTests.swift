import ConvModel
@testable import ConvRender
import XCTest

/// A saved file and a problem look different, and neither covers any map.
final class MessageCardTests: XCTestCase {
    private func frame(_ state: AppState) -> ImageSurface { renderFrame(state) }

    func testInfoAndErrorLookDifferent() {
        let path = "/home/someone/pictures/convviewer-20261201-104500-1.png"
        let info = makeState(width: 1280, height: 800) { $0.update(.showInfo("saved \(path)")) }
        let error = makeState(width: 1280, height: 800) { $0.update(.showMessage("cannot save \(path): Permission denied")) }
        XCTAssertEqual(info.messageStyle, .info)
        XCTAssertEqual(error.messageStyle, .error)
        var again = info
        again.message = "a kernel that did not fit"
        XCTAssertEqual(again.messageStyle, .error, "a message set any other way is a problem")

        // The error's card carries the warning colour; the saved file's does not, but the link colour.
        let p = Palette.dark
        func count(_ s: ImageSurface, _ color: RGB) -> Int {
            var n = 0
            for y in stride(from: 400, to: 800, by: 1) {
                for x in stride(from: 0, to: 1280, by: 1) where s.rgb(Double(x), Double(y)) == color.rgb { n += 1 }
            }
            return n
        }
        let infoFrame = frame(info), errorFrame = frame(error)
        XCTAssertGreaterThan(count(errorFrame, p.warning), 50)
        XCTAssertEqual(count(infoFrame, p.warning), 0)
        XCTAssertGreaterThan(count(infoFrame, p.link), 50)
    }

    /// The card never covers a map: every panel's picture is drawn exactly as without a message,
    /// at every size and scale the layout tests use.
    func testMessageCoversNoMap() {
        for c in TextLayoutTests.cases {
            let plain = makeState(width: c.width, height: c.height, position: 30) { $0.view.scale = c.scale }
            var with = plain
            with.update(.showMessage("cannot read /a/rather/long/path/to/a/folder/that/does/not/exist/picture.png: "
                                         + "No such file or directory"))
            let a = frame(plain), b = frame(with)
            let scene = FrameScene(state: plain, width: c.width, height: c.height)
            for kind in PanelKind.allCases {
                let r = scene.layout.panel(kind).image
                var changed = 0
                for y in Int(r.minY) ..< Int(r.maxY) {
                    for x in Int(r.minX) ..< Int(r.maxX) where a.rgb(Double(x), Double(y)) != b.rgb(Double(x), Double(y)) {
                        changed += 1
                    }
                }
                XCTAssertEqual(changed, 0, "\(c): the message covers the \(kind) panel")
            }
        }
    }
}
