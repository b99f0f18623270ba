import XCTest
import ConvNet

/// The byte parsers are pure functions of their input (ready for a fuzzer); here a few thousand
/// damaged inputs each must end in a value or a one-line error, never a crash or a hang.
final class ParserRobustnessTests: XCTestCase {
    func damaged(_ bytes: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var b = bytes
        switch rng.below(4) {
        case 0: for _ in 0...rng.below(8) where !b.isEmpty { b[rng.below(b.count)] = UInt8(truncatingIfNeeded: rng.next()) }
        case 1: b = Array(b.prefix(rng.below(b.count + 1)))
        case 2: b.insert(contentsOf: (0..<rng.below(16)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: rng.below(b.count + 1))
        default: if !b.isEmpty { b.remove(at: rng.below(b.count)) }
        }
        return b
    }

    func testDamagedWeightsFiles() {
        var rng = SeededGenerator(seed: 51)
        let good = Array(WeightsFile(weights: .heNormal(.standard, using: &rng), dataset: "d", classes: ClassNames.digits,
                                     training: nil).encoded().utf8)
        for _ in 0..<300 {
            do { _ = try WeightsFile.decode(damaged(good, &rng)) } catch {
                XCTAssertFalse("\(error)".contains("\n"))
            }
        }
    }

    func testDamagedIDXFiles() {
        var rng = SeededGenerator(seed: 52)
        let good: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 3] + (0..<18).map { UInt8($0) }
        for _ in 0..<3000 {
            do { _ = try IDX.parse(damaged(good, &rng)) } catch {
                XCTAssertFalse("\(error)".contains("\n"))
            }
        }
    }

    func testRandomJSON() {
        var rng = SeededGenerator(seed: 53)
        let alphabet = Array("{}[]\",:0123456789.eE+-truefalsnl \\u".utf8)
        for _ in 0..<3000 {
            let bytes = (0..<rng.below(40)).map { _ in alphabet[rng.below(alphabet.count)] }
            _ = try? JSONValue.parse(bytes)
        }
    }
}
