import CZlib
import ConvNet

/// Inflates a gzipped IDX file without trusting it: the IDX header is inflated first, its sizes
/// are checked (`IDX.header`, overflow-safe and bounded), and only then is the exact buffer
/// allocated; a stream that holds more than the header announces stops at one byte over.
/// A gzip bomb or a header claiming billions of images is a one-line error, not an allocation.
enum GzipReader {
    static func inflateIDX(_ compressed: [UInt8], limit: Int = IDX.maxBytes) throws -> IDXArray {
        guard compressed.count >= 2, compressed[0] == 0x1F, compressed[1] == 0x8B else {
            throw GzipError.notGzip
        }
        var stream = z_stream()
        // 16 + 15: a gzip wrapper around a deflate stream with the largest window.
        guard inflateInit2_(&stream, 16 + 15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GzipError.corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        return try compressed.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!)
            stream.avail_in = UInt32(input.count)
            // The largest IDX header: magic and three 32-bit sizes.
            var head = [UInt8](repeating: 0, count: 16)
            let (headCount, ended) = try inflate(&stream, into: &head, from: 0)
            let (dimensions, headerSize, valueCount) = try IDX.header(head[0..<headCount], limit: limit)
            let total = headerSize + valueCount
            var bytes = [UInt8](repeating: 0, count: total + 1)
            let copied = min(headCount, total + 1)
            bytes.replaceSubrange(0..<copied, with: head[0..<copied])
            var have = copied
            if !ended && have <= total {
                have = try inflate(&stream, into: &bytes, from: have).count
            }
            if have > total { throw IDXError.trailingBytes(have - total) }
            if have < total { throw IDXError.truncated(needed: total, found: have) }
            return IDXArray(dimensions: dimensions, values: Array(bytes[headerSize..<total]))
        }
    }

    /// Inflates into `buffer[from...]` until it is full or the stream ends; returns the count
    /// filled and whether the stream ended.
    private static func inflate(_ stream: inout z_stream, into buffer: inout [UInt8], from start: Int) throws -> (count: Int, ended: Bool) {
        try buffer.withUnsafeMutableBufferPointer { out in
            var filled = start
            while filled < out.count {
                stream.next_out = out.baseAddress! + filled
                stream.avail_out = UInt32(min(out.count - filled, Int(UInt32.max)))
                let before = stream.avail_out
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                filled += Int(before - stream.avail_out)
                switch status {
                case Z_STREAM_END: return (filled, true)
                case Z_OK: continue
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { throw GzipError.truncated }
                    continue
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                    throw GzipError.corrupt(message)
                }
            }
            return (filled, false)
        }
    }
}

enum GzipError: Error, CustomStringConvertible {
    case notGzip
    case truncated
    case corrupt(String)

    var description: String {
        switch self {
        case .notGzip: return "not a gzip file (it does not start with 1f 8b)"
        case .truncated: return "the gzip file is cut short"
        case let .corrupt(message): return "corrupt gzip data (\(message))"
        }
    }
}
