import ConvModel

/// What a tour's network scenes need from files, read before the tour starts: the trained network
/// (the shipped one, unless `--net` loaded one already) and, for a learn scene, the images it
/// trains on (the data set, or the shipped sample when it is not installed).
enum TourNetworkLoader {
    /// The actions that hand `state` what `tour` still lacks; none for a tour without network scenes.
    static func actions(for tour: Tour, in state: AppState) throws -> [Action] {
        let scenes = tour.scenes.compactMap(\.network)
        guard !scenes.isEmpty else { return [] }
        var actions: [Action] = []
        if state.networkSource == nil { actions.append(.setNetworkSource(try NetworkLoader.load(nil))) }
        if state.learnImages == nil, scenes.contains(where: { $0.learning != nil }) {
            let (training, test, usesSample) = try LearnData.load()
            actions.append(.setLearnImages(LearnImages(training: training, test: test, usesSample: usesSample)))
        }
        return actions
    }
}
