import ConvModel
import Foundation

/// Reads a guided tour from a JSON file (`--tour-file FILE`).
///
/// The format, in short (every key, its default and the carry-over rule are in
/// `Sources/ConvModel/TourSpec.swift`; a sample is `resources/tours/example.json`):
///
///     {"name": "Edges", "scenes": [
///       {"title": "Vertical edges", "text": "One or two sentences.", "seconds": 12,
///        "input": "face", "filter": "edge_v", "stride": 1, "padding": "valid", "speed": 48,
///        "relu": true, "hold": true},
///       {"title": "Sideways", "text": "…", "seconds": 10, "filter": "edge_h"}
///     ]}
///
/// Every problem is a `CLIError` of one line that names the file, and the scene (counted from 1)
/// when the problem is in one.
enum TourFile {
    static func load(_ path: String) throws -> Tour {
        let name = "tour file '\(Limits.quoted(path, atMost: Limits.quotedPathCharacters))'"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("\(name) does not exist")
        }
        guard !isDirectory.boolValue else { throw CLIError("\(name) is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(name) cannot be read") }
        guard !data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { throw CLIError("\(name) is empty") }
        let value: TourValue
        do {
            value = try JSONDecoder().decode(TourValue.self, from: data)
        } catch {
            throw CLIError("\(name) is not valid JSON\(reason(data))")
        }
        do {
            return try TourSpec.tour(from: value)
        } catch {
            throw CLIError("\(name): \(error)")
        }
    }

    /// Why `data` is not JSON, as " (…)" with a line and column where the parser gives a place;
    /// empty when it gives no reason. JSONDecoder only says "not valid JSON", so this asks
    /// JSONSerialization, which names the problem.
    private static func reason(_ data: Data) -> String {
        var text: String
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return ""
        } catch {
            text = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        }
        text = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        if text.hasSuffix(".") { text.removeLast() }
        if let r = text.range(of: "around character "), let offset = Int(text[r.upperBound...]), offset <= data.count {
            let before = data.prefix(offset)
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            text = text[..<r.lowerBound].trimmingCharacters(in: .whitespaces) + " at line \(line), column \(column)"
        }
        return text.isEmpty ? "" : " (\(text.prefix(1).lowercased() + text.dropFirst()))"
    }
}
