// Fuzz target: the kernel text parser (`--filter "a,b,c;d,e,f;g,h,i"`, typed weights).
// Needs: ConvModel
@testable import ConvModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKernel(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let k = try Kernel.named(text)
        precondition(k.size % 2 == 1 && k.size <= Kernel.maxSize && k.weights.count == k.size * k.size)
        precondition(k.weights.allSatisfy(\.isFinite))
        // The text form reads back to the same weights.
        let again = try Kernel.parse(k.text)
        precondition(again.weights == k.weights, "the text form does not read back")
    } catch let e as KernelError {
        // A message stays one bounded line whatever the input.
        let line = e.description
        precondition(!line.contains("\n") && line.utf8.count < 1000)
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return 0
}
