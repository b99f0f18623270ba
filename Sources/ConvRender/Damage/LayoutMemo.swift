import ConvModel

/// The last frame layout and panel mappings computed, with what they were computed from, so a
/// window that draws sixty frames a second of the same layout does not lay it out sixty times.
///
/// The layout follows from the size, the UI scale, the tour's captions, network mode
/// (`FrameLayout(state:width:height:)`); the mappings from the layout, the convolution's
/// geometry and the panels' zoom and pan (`FrameLayout.mappings(in:)`).
final class LayoutMemo {
    private struct LayoutKey: Equatable {
        let width: Int
        let height: Int
        let scale: Double
        let caption: Caption?
        let room: [Caption]
        let tallStrip: Bool
        let captionOverDetail: Bool
    }

    private struct MappingKey: Equatable {
        let layout: FrameLayout
        let geometry: ConvGeometry
        let panels: [PanelView]
    }

    private var layout: (key: LayoutKey, value: FrameLayout)?
    private var mappings: (key: MappingKey, value: [PanelMapping])?

    func layout(_ state: AppState, width: Int, height: Int) -> (FrameLayout, [PanelMapping]) {
        let key = LayoutKey(width: width, height: height, scale: state.view.scale, caption: state.caption,
                            room: FrameLayout.captionRoom(state), tallStrip: FrameLayout.tallStrip(state),
                            captionOverDetail: FrameLayout.captionOverDetail(state))
        let l: FrameLayout
        if let hit = layout, hit.key == key {
            l = hit.value
        } else {
            l = FrameLayout(state: state, width: width, height: height)
            layout = (key, l)
        }
        let mk = MappingKey(layout: l, geometry: state.geometry, panels: state.panels)
        if let hit = mappings, hit.key == mk { return (l, hit.value) }
        let m = l.mappings(in: state)
        mappings = (mk, m)
        return (l, m)
    }
}
