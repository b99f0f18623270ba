import ConvNet

/// Reading a weights file, or the shipped one when no file is named.
enum NetWeights {
    static func load(_ path: String?) throws -> (file: WeightsFile, path: String) {
        let resolved: String
        if let path {
            resolved = path
        } else if let dir = NetFiles.networksDirectory() {
            resolved = dir + "/" + NetFiles.shippedWeightsName
        } else {
            throw CLIError("no --weights given and the shipped \(NetFiles.shippedWeightsName) was not found (set CONVVIEWER_RESOURCES to the resources folder)")
        }
        let bytes = try NetFiles.read(resolved, limit: NetFiles.weightsLimit)
        do {
            return (try WeightsFile.decode(bytes), resolved)
        } catch {
            throw CLIError("\(resolved): \(error)")
        }
    }
}
