import ConvModel

/// Where text was drawn in a frame: the ink box of each string, for the tests that check that no
/// two texts overlap at any size or UI scale. A renderer records only when given one.
final class TextRecorder {
    private(set) var boxes: [(text: String, rect: Rect)] = []

    func record(_ text: String, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        boxes.append((text, rect))
    }
}
