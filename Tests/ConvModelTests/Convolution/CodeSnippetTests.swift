import Foundation
import XCTest
import ConvModel

/// The code overlay: the NumPy and PyTorch text carries the current parameters, fits the
/// overlay, and (run with python3) computes the same numbers as the model.
final class CodeSnippetTests: XCTestCase {
    private func snippet(_ language: CodeSnippet.Language, _ k: Kernel = Kernel.preset(named: "edge_v")!,
                         _ s: ConvSettings = ConvSettings(), width: Int = 24, height: Int = 20) -> CodeSnippet {
        CodeSnippet(language, inputWidth: width, inputHeight: height, kernel: k, settings: s)
    }

    private func assertContains(_ s: CodeSnippet, _ pieces: [String], file: StaticString = #filePath, line: UInt = #line) {
        for p in pieces { XCTAssertTrue(s.text.contains(p), "\(s.title) lacks \(p):\n\(s.text)", file: file, line: line) }
    }

    private func assertLacks(_ s: CodeSnippet, _ pieces: [String], file: StaticString = #filePath, line: UInt = #line) {
        for p in pieces { XCTAssertFalse(s.text.contains(p), "\(s.title) has \(p):\n\(s.text)", file: file, line: line) }
    }

    func testDefaultsNumPy() {
        let s = snippet(.numpy)
        XCTAssertEqual(s.title, "NumPy")
        assertContains(s, ["`image`", "2-D float32", "24x20", "import numpy as np", "sliding_window_view(x, (3, 3))",
                           "k = np.array([[-1, 0, 1],", "[-1, 0, 1]], dtype=np.float32)", "x = image",
                           "np.maximum(conv, 0)", ".max(axis=(1, 3))", "// 2 * 2"])
        assertLacks(s, ["np.flip", "np.pad", "scipy", "::2", "np.float32(0"])
    }

    func testParametersNumPy() {
        let settings = ConvSettings(stride: 2, padding: .same, bias: 0.5, dilation: 3, flip: true, pool: .avg)
        let s = snippet(.numpy, Kernel.preset(named: "sobel_x")!, settings)
        assertContains(s, ["k = np.flip(k)", "x = np.pad(image, 3)", "sliding_window_view(x, (7, 7))",
                           "win = win[::2, ::2]", "win = win[:, :, ::3, ::3]", "+ np.float32(0.5)",
                           ".mean(axis=(1, 3))", "[-2, 0, 2]"])
    }

    func testDefaultsPyTorch() {
        let s = snippet(.pytorch)
        XCTAssertEqual(s.title, "PyTorch")
        assertContains(s, ["`image`", "import torch.nn.functional as F", "k = torch.tensor([[-1, 0, 1],",
                           "dtype=torch.float32)", "F.conv2d(x, k[None, None])", "F.relu(conv)", "F.max_pool2d(relu[None], 2)"])
        assertLacks(s, ["torch.flip", "stride=", "padding=", "dilation=", "bias="])
    }

    func testParametersPyTorch() {
        let settings = ConvSettings(stride: 2, padding: .same, bias: -0.25, dilation: 2, flip: true, pool: .avg)
        let s = snippet(.pytorch, Kernel.preset(named: "emboss")!, settings)
        assertContains(s, ["torch.flip(k, dims=(0, 1))", "bias=torch.tensor([-0.25])", "stride=2", "padding=2",
                           "dilation=2", "F.avg_pool2d(relu[None], 2)"])
    }

    /// Every line of every snippet fits the overlay, also for 7×7 kernels of long weights.
    func testLinesFit() {
        var rng = SplitMix64(seed: 70)
        let kernels = Kernel.presets + [
            Kernel.custom(size: 7, weights: .init(repeating: 1.0 / 49, count: 49)),
            Kernel.custom(size: 7, weights: (0..<49).map { _ in rng.float(-1000, 1000) }),
            Kernel.custom(size: 5, weights: (0..<25).map { _ in -Float.leastNormalMagnitude * rng.float(1, 2) }),
        ]
        for k in kernels {
            for language in CodeSnippet.Language.allCases {
                let settings = ConvSettings(stride: 3, padding: .same, bias: -1.0 / 3, dilation: 3, flip: true, pool: .avg)
                for line in snippet(language, k, settings, width: 512, height: 512).lines {
                    XCTAssertLessThanOrEqual(line.count, CodeSnippet.maxLineLength, "\(language): \(line)")
                }
            }
        }
    }

    /// The weights written out read back as the same Floats, and all of them are there.
    func testWeightsAreWrittenExactly() throws {
        var rng = SplitMix64(seed: 3)
        let weights = (0..<49).map { _ in rng.float(-3, 3) }
        let k = Kernel.custom(size: 7, weights: weights)
        let text = snippet(.numpy, k).lines.filter { !$0.hasPrefix("#") }.joined()
        let start = try XCTUnwrap(text.range(of: "np.array(")).upperBound
        let end = try XCTUnwrap(text.range(of: ", dtype")).lowerBound
        let numbers = text[start..<end].split(whereSeparator: { "[], ".contains($0) }).map(String.init)
        XCTAssertEqual(numbers.count, 49)
        for (n, w) in zip(numbers, weights) {
            // Python reads a float64 and numpy rounds it to float32.
            XCTAssertEqual(Float(try XCTUnwrap(Double(n))), w, n)
        }
    }

    func testAllForTheState() throws {
        let s = try AppState(image: BuiltinImages.named("face")!, kernel: Kernel.presets[3],
                             settings: ConvSettings(stride: 2))
        let snippets = s.codeSnippets
        XCTAssertEqual(snippets.map(\.title), ["NumPy", "PyTorch"])
        XCTAssertTrue(snippets[0].text.contains("24x24"))
        XCTAssertTrue(snippets[1].text.contains("stride=2"))
        XCTAssertTrue(snippets[0].text.hasSuffix("\n"))
    }

    // MARK: Running it

    /// Runs `python3` on a script; nil output when python3 is not there.
    private func runPython(_ script: String) throws -> (status: Int32, out: String, err: String)? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convviewer-snippet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("snippet.py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", file.path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch { return nil }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus == 127 { return nil }   // env: python3 not found
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    private func requireModule(_ module: String) throws {
        guard let r = try runPython("import \(module)\n"), r.status == 0 else {
            throw XCTSkip("python3 with \(module) is not installed")
        }
    }

    private func assertMap(_ actual: Any?, _ expected: Grid, _ name: String, _ label: String,
                           file: StaticString = #filePath, line: UInt = #line) {
        guard let rows = actual as? [[Double]] ?? (actual as? [Any]).flatMap({ $0.isEmpty ? [] : nil }) else {
            return XCTFail("\(label): \(name) is not a list of rows", file: file, line: line)
        }
        let width = rows.first?.count ?? 0
        guard rows.count == expected.height, rows.isEmpty || width == expected.width else {
            return XCTFail("\(label): \(name) is \(width)×\(rows.count), expected \(expected.width)×\(expected.height)",
                           file: file, line: line)
        }
        for r in 0..<expected.height {
            for c in 0..<expected.width {
                let e = Double(expected[r, c]), a = rows[r][c]
                if !(abs(a - e) <= 1e-5 * max(1, abs(e))) {
                    return XCTFail("\(label): \(name)[\(r)][\(c)] is \(a) in NumPy, \(e) in the model", file: file, line: line)
                }
            }
        }
    }

    /// The settings the overlay must get right, each against the model's own maps.
    private var cases: [(String, Grid, Kernel, ConvSettings)] {
        var rng = SplitMix64(seed: 2024)
        let face = BuiltinImages.named("face")!.grid
        let random = rng.image(width: 13, height: 11)
        let odd = Kernel.custom(size: 5, weights: (0..<25).map { _ in rng.float(-2, 2) })
        return [
            ("defaults", face, Kernel.preset(named: "edge_v")!, ConvSettings()),
            ("stride 2", face, Kernel.preset(named: "sobel_y")!, ConvSettings(stride: 2)),
            ("same", face, Kernel.preset(named: "blur")!, ConvSettings(padding: .same)),
            ("dilation 2", face, Kernel.preset(named: "outline")!, ConvSettings(dilation: 2)),
            ("flip", random, Kernel.preset(named: "emboss")!, ConvSettings(flip: true)),
            ("avg pool", face, Kernel.preset(named: "gaussian")!, ConvSettings(pool: .avg)),
            ("bias", random, Kernel.preset(named: "sharpen")!, ConvSettings(bias: -0.3)),
            ("all at once", random, odd, ConvSettings(stride: 2, padding: .same, bias: 0.1, dilation: 2, flip: true, pool: .avg)),
            ("1×1 kernel, stride 3", random, Kernel.custom(size: 1, weights: [-0.7]), ConvSettings(stride: 3)),
            ("odd sizes, dilation 3", rng.image(width: 17, height: 9), Kernel.preset(named: "sobel_x")!,
             ConvSettings(stride: 1, padding: .same, dilation: 3)),
            ("one conv row: no pool", rng.image(width: 6, height: 3), Kernel.preset(named: "edge_h")!, ConvSettings()),
        ]
    }

    /// The NumPy snippet, run by python3 on the model's own input, prints the model's conv,
    /// ReLU and pool maps (to 1e-5, relative for large values).
    func testNumPySnippetComputesTheSameMaps() throws {
        try requireModule("numpy")
        for (label, input, k, settings) in cases {
            let maps = FeatureMaps(input: input, kernel: k, settings: settings)
            let script = CodeSnippet.numpyScript(for: maps)
            let r = try XCTUnwrap(try runPython(script))
            guard r.status == 0 else {
                XCTFail("\(label): python3 failed (\(r.status)):\n\(r.err)\n\(script)")
                continue
            }
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], label)
            assertMap(json["conv"], maps.conv, "conv", label)
            assertMap(json["relu"], maps.relu, "relu", label)
            assertMap(json["pool"], maps.pool, "pool", label)
        }
    }

    /// The PyTorch snippet, where torch is installed, gives the same maps as the NumPy one.
    func testPyTorchSnippetComputesTheSameMaps() throws {
        try requireModule("torch")
        for (label, input, k, settings) in cases {
            let numpy = CodeSnippet.numpyScript(image: input, kernel: k, settings: settings)
            let imageLines = numpy.split(separator: "\n", omittingEmptySubsequences: false)
                .prefix { !$0.hasPrefix("# `image`") }.joined(separator: "\n")
            let torch = CodeSnippet(.pytorch, inputWidth: input.width, inputHeight: input.height, kernel: k, settings: settings)
            let script = imageLines + "\n" + torch.text
                + "print(json.dumps({\"conv\": conv.tolist(), \"relu\": relu.tolist(), \"pool\": pool.tolist()}))\n"
            let r = try XCTUnwrap(try runPython(script))
            guard r.status == 0 else {
                XCTFail("\(label): python3 failed (\(r.status)):\n\(r.err)\n\(script)")
                continue
            }
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], label)
            let maps = FeatureMaps(input: input, kernel: k, settings: settings)
            assertMap(json["conv"], maps.conv, "conv", label)
            assertMap(json["relu"], maps.relu, "relu", label)
            assertMap(json["pool"], maps.pool, "pool", label)
        }
    }
}
