import XCTest
import ConvNet

final class WeightsFileTests: XCTestCase {
    func sample(seed: UInt64 = 41) -> WeightsFile {
        var rng = SeededGenerator(seed: seed)
        let record = TrainingRecord(seed: 7, epochs: 5, batch: 32, learningRate: 0.01, momentum: 0.9,
                                    trainImages: 60000, imagesSeen: 300_000, testAccuracy: 0.8812, initialWeights: "he-normal")
        return WeightsFile(weights: .heNormal(.standard, using: &rng), dataset: "fashion-mnist", classes: ClassNames.fashion, training: record)
    }

    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func testRoundTripIsExact() throws {
        let file = sample()
        XCTAssertEqual(try WeightsFile.decode(bytes(file.encoded())), file)
    }

    func testLayoutIsPyTorchs() throws {
        // conv1 weight [8][1][3][3]: the text's first innermost list is filter 0's top row.
        let file = sample()
        let text = file.encoded()
        let w = file.weights.conv1Weight
        let firstRow = "[[[[\(JSONText.number(w[0, 0, 0, 0])),\(JSONText.number(w[0, 0, 0, 1])),\(JSONText.number(w[0, 0, 0, 2]))]"
        XCTAssertTrue(text.contains(firstRow))
    }

    func assertBad(_ text: String, _ fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try WeightsFile.decode(bytes(text)), file: file, line: line) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(fragment), "\(message)", file: file, line: line)
            XCTAssertFalse(message.contains("\n"), file: file, line: line)
            XCTAssertLessThan(message.count, 300, file: file, line: line)
        }
    }

    func testBadFiles() {
        let good = sample().encoded()
        assertBad("", "unexpected end")
        assertBad("[1, 2]", "not an object")
        assertBad(good.replacingOnce("convviewer-net/1", "convviewer-net/2"), "format \"convviewer-net/2\" is not supported")
        assertBad(good.replacingOnce("\"format\"", "\"formats\""), "no \"format\"")
        assertBad(good.replacingOnce("\"classes\"", "\"class\""), "\"classes\" must be")
        assertBad(good.replacingOnce("\"input\": [28, 28, 1]", "\"input\": [32, 32, 1]"), "\"input\" must be [28, 28, 1]")
        assertBad(good.replacingOnce("\"name\": \"conv2\"", "\"name\": \"convB\""), "layer 2 must be named \"conv2\"")
        assertBad(good.replacingOnce("\"bias\"", "\"biases\""), "conv1 bias is missing")
        assertBad(good.replacingOnce("\"weight\": [[[[", "\"weight\": [[[["  + "0.5,"), "conv1 weight must have shape [8, 1, 3, 3]")
        assertBad(good.replacingFirstNumber(after: "\"weight\": [[[[", with: "NaN"), "bad JSON")
        assertBad(good.replacingFirstNumber(after: "\"weight\": [[[[", with: "1e999"), "not a finite number")
        assertBad(good.replacingFirstNumber(after: "\"weight\": [[[[", with: "\"x\""), "holds text where a number belongs")
        assertBad(good + "x", "text after the end")
        assertBad(String(good.prefix(good.count / 2)), "bad JSON")
        assertBad(String(repeating: "[", count: 100_000), "nested more than")
        // A shape claiming ten billion filters is measured by the bias list's length, never allocated.
        assertBad(good.replacingOnce("\"training\": {", "\"training\": {\"x\": 1, ").replacingOnce("\"seed\": 7", "\"seed\": -1"), "whole number")
    }

    func testWrongFilterCountsAreOneLine() {
        var rng = SeededGenerator(seed: 1)
        let odd = WeightsFile(weights: .heNormal(.standard, using: &rng), dataset: "x", classes: ClassNames.digits, training: nil)
        // Cut the conv1 bias list to 7 entries: 7 filters is not a supported count.
        let text = odd.encoded().replacingOnce("\"bias\": [0.0,", "\"bias\": [")
        assertBad(text, "filter count 7 is not supported")
    }

    func testJSONValues() throws {
        XCTAssertEqual(try JSONValue.parse(bytes(#" {"a": [1, -2.5e3, true, null, "x\n\u00e9"]} "#)),
                       .object(["a": .array([.number(1), .number(-2500), .bool(true), .null, .string("x\né")])]))
        XCTAssertThrowsError(try JSONValue.parse(bytes(#"{"a": 1, "a": 2}"#)))
        XCTAssertThrowsError(try JSONValue.parse(bytes("+1")))
        XCTAssertThrowsError(try JSONValue.parse(bytes("\"\u{01}\"")))
        XCTAssertThrowsError(try JSONValue.parse(bytes("[1,]")))
    }
}

extension String {
    /// The number right after the first `marker` replaced by `replacement`.
    func replacingFirstNumber(after marker: String, with replacement: String) -> String {
        guard let r = range(of: marker), let end = self[r.upperBound...].firstIndex(of: ",") else { return self }
        return replacingCharacters(in: r.upperBound..<end, with: replacement)
    }

    func replacingOnce(_ target: String, _ replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}
