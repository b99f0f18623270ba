// Fuzz target: the tour-file reader — JSON (as `--tour-file` decodes it) to `TourValue`, then
// `TourSpec` to a `Tour`, and every scene of a tour that is accepted validated and built.
// Needs: ConvModel
import Foundation
@testable import ConvModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTour(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONDecoder().decode(TourValue.self, from: bytes) else { return 0 }
    do {
        let tour = try TourSpec.tour(from: value)
        for scene in tour.scenes {
            try scene.validate()
            // Building the scene's maps must stay within the limits the scan was checked for.
            let maps = FeatureMaps(input: scene.image.grid, kernel: scene.kernel, settings: scene.settings)
            precondition(maps.conv.count <= Limits.outputPixels)
            // A network scene's strokes stay on the 28×28 canvas, within the scene, at most 200.
            precondition(scene.cues.count <= TourSpec.maxStrokes || scene.network == nil)
            for cue in scene.cues {
                precondition(cue.at >= 0 && cue.at <= scene.seconds)
                for case let .paintStroke(r0, c0, r1, c1, v) in cue.actions {
                    precondition([r0, c0, r1, c1].allSatisfy { (0..<28).contains($0) } && (0...1).contains(v))
                }
            }
        }
    } catch let e as TourSpecError {
        precondition(!e.description.contains("\n"))
    } catch {
        // Scene validation errors (SettingsError, LimitError, TourSceneError) are answers too.
    }
    return 0
}
