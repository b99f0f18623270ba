/// The conv map and its pool computed in one pass, fast for the common case; the ReLU map between
/// them is not written (it is max(0, conv), derived when asked for: `FeatureMaps.relu`).
///
/// Stride 1 and dilation 1 (any odd kernel 1–7, `valid` or `same`) take a row-blocked path:
/// two output rows at a time (one pool row), eight columns at a time in SIMD registers with the
/// kernel size a compile-time constant, every tap read straight from the input rows (no padded
/// copy of the image: rows above or below it read one zero row, and the few border columns of
/// `same` are worked out one by one; only for `same` on rows a multiple of 4 KiB long are the input
/// rows staged through a small ring, see `FastConv.rows`). The pool row is made from the two conv
/// rows a chunk of 128 columns at a time, while those are still in L1, their ReLU taken in
/// registers. Only the conv and pool maps go out to memory. At 4096×4096, k = 3 (one core, outputs
/// reused), this measured about 880–930 Mpix/s when the ReLU map was written too and the pool made
/// after whole rows, 965–995 with the pool made chunk by chunk, and 1000–1045 without the ReLU map;
/// 512×512 and k = 5, 7 hardly moved (bound by the arithmetic). Every other setting falls back to
/// `Convolution.generalApply`, `Activation.relu` and `Pooling.apply`.
///
/// Each output value is summed in the same order as the general path — bias first, then kernel
/// rows top to bottom, each left to right — so both paths give the same numbers (up to the sign
/// of a zero: the general path skips zero weights), and the same numbers every run. The pool is
/// that of `Pooling.apply` over `Activation.relu` of the conv map, operation for operation.
extension Convolution {
    /// Conv and pool maps of `input` (the pool taken over the conv's ReLU), as `FeatureMaps` holds
    /// them. Empty grids when the kernel does not fit.
    public static func convPool(_ input: Grid, _ kernel: Kernel, _ settings: ConvSettings) -> (conv: Grid, pool: Grid) {
        var conv = Grid(width: 0, height: 0), pool = conv
        convPool(input, kernel, settings, conv: &conv, pool: &pool)
        return (conv, pool)
    }

    /// As `convPool(_:_:_:)`, writing into the storage of the grids passed in when it already has
    /// the right size and is not shared, so that repeated calls on the same size (a benchmark, a
    /// filter switch on a large image) do not allocate — fresh memory costs about as much as the
    /// convolution itself at 4096×4096. The grids are replaced whatever they held before.
    public static func convPool(_ input: Grid, _ kernel: Kernel, _ settings: ConvSettings,
                                conv: inout Grid, pool: inout Grid) {
        let g = ConvGeometry(inputWidth: input.width, inputHeight: input.height, kernelSize: kernel.size, settings: settings)
        guard g.hasOutput else {
            conv = Grid(width: 0, height: 0); pool = conv
            return
        }
        guard g.stride == 1, g.dilation == 1 else {
            conv = generalApply(input, kernel, settings)
            pool = Pooling.apply(Activation.relu(conv), mode: settings.pool)
            return
        }
        var cv = recycledStorage(&conv, count: g.outputWidth * g.outputHeight)
        var pv = recycledStorage(&pool, count: g.poolWidth * g.poolHeight)
        let k = settings.flip ? kernel.flipped : kernel
        input.values.withUnsafeBufferPointer { ip in
            k.weights.withUnsafeBufferPointer { kp in
                cv.withUnsafeMutableBufferPointer { cp in
                    pv.withUnsafeMutableBufferPointer { pp in
                        let job = FastConv(input: ip.baseAddress!, geometry: g, weights: kp.baseAddress!,
                                           bias: settings.bias, conv: cp.baseAddress!,
                                           pool: pp.baseAddress, poolMode: settings.pool)
                        job.run()
                    }
                }
            }
        }
        conv = Grid(width: g.outputWidth, height: g.outputHeight, values: cv)
        pool = Grid(width: g.poolWidth, height: g.poolHeight, values: pv)
    }

    /// Conv, ReLU and pool maps of `input`: `convPool` and the ReLU of its conv map.
    /// Empty grids when the kernel does not fit.
    public static func convReluPool(_ input: Grid, _ kernel: Kernel, _ settings: ConvSettings) -> (conv: Grid, relu: Grid, pool: Grid) {
        var conv = Grid(width: 0, height: 0), relu = conv, pool = conv
        convReluPool(input, kernel, settings, conv: &conv, relu: &relu, pool: &pool)
        return (conv, relu, pool)
    }

    /// As `convReluPool(_:_:_:)`, reusing the storage of the three grids passed in as
    /// `convPool(_:_:_:conv:pool:)` does. The grids are replaced whatever they held before.
    public static func convReluPool(_ input: Grid, _ kernel: Kernel, _ settings: ConvSettings,
                                    conv: inout Grid, relu: inout Grid, pool: inout Grid) {
        convPool(input, kernel, settings, conv: &conv, pool: &pool)
        var rv = recycledStorage(&relu, count: conv.count)
        Activation.relu(conv.values, into: &rv)
        relu = Grid(width: conv.width, height: conv.height, values: rv)
    }

    /// The fast path for the conv map alone (used by `apply`); nil when the settings need the general path.
    static func fastApply(_ input: Grid, _ kernel: Kernel, _ settings: ConvSettings) -> Grid? {
        let g = ConvGeometry(inputWidth: input.width, inputHeight: input.height, kernelSize: kernel.size, settings: settings)
        guard g.hasOutput, g.stride == 1, g.dilation == 1 else { return nil }
        let k = settings.flip ? kernel.flipped : kernel
        let values = [Float](unsafeUninitializedCapacity: g.outputWidth * g.outputHeight) { cp, n in
            input.values.withUnsafeBufferPointer { ip in
                k.weights.withUnsafeBufferPointer { kp in
                    let job = FastConv(input: ip.baseAddress!, geometry: g, weights: kp.baseAddress!,
                                       bias: settings.bias, conv: cp.baseAddress!, pool: nil,
                                       poolMode: settings.pool)
                    job.run()
                }
            }
            n = g.outputWidth * g.outputHeight
        }
        return Grid(width: g.outputWidth, height: g.outputHeight, values: values)
    }

    /// The values of `grid` with `count` elements, reusing its buffer when the count matches; `grid` is left empty.
    /// A new buffer is left uninitialised: the caller writes every element.
    private static func recycledStorage(_ grid: inout Grid, count: Int) -> [Float] {
        var values = grid.values
        grid = Grid(width: 0, height: 0)   // drop the grid's reference so `values` is unique if nobody else holds it
        if values.count != count {
            values = []
            values = [Float](unsafeUninitializedCapacity: count) { _, n in n = count }
        }
        return values
    }
}

/// One stride-1, dilation-1 convolution over raw buffers, with an optional fused pool (of its ReLU).
fileprivate struct FastConv {
    let input: UnsafePointer<Float>
    let width: Int, height: Int
    let k: Int, pad: Int
    let ow: Int, oh: Int
    let weights: UnsafePointer<Float>
    let bias: Float
    let conv: UnsafeMutablePointer<Float>
    let pool: UnsafeMutablePointer<Float>?
    let poolMode: PoolMode

    init(input: UnsafePointer<Float>, geometry g: ConvGeometry, weights: UnsafePointer<Float>, bias: Float,
         conv: UnsafeMutablePointer<Float>, pool: UnsafeMutablePointer<Float>?, poolMode: PoolMode) {
        precondition(g.stride == 1 && g.dilation == 1 && g.kernelSize <= Kernel.maxSize && g.kernelSize % 2 == 1)
        self.input = input
        self.width = g.inputWidth; self.height = g.inputHeight
        self.k = g.kernelSize; self.pad = g.pad
        self.ow = g.outputWidth; self.oh = g.outputHeight
        self.weights = weights
        self.bias = bias
        self.conv = conv; self.pool = pool
        self.poolMode = poolMode
    }

    func run() {
        // Kernel side and fusion are type parameters, so each specialisation has them as constants.
        switch (k, pool != nil) {
        case (1, true): rows(Side1.self, Fused.self)
        case (3, true): rows(Side3.self, Fused.self)
        case (5, true): rows(Side5.self, Fused.self)
        case (7, true): rows(Side7.self, Fused.self)
        case (1, false): rows(Side1.self, ConvOnly.self)
        case (3, false): rows(Side3.self, ConvOnly.self)
        case (5, false): rows(Side5.self, ConvOnly.self)
        default: rows(Side7.self, ConvOnly.self)
        }
    }

    private func rows<K: FastConvSide, F: FastConvFlag>(_: K.Type, _: F.Type) {
        let k = K.side
        // With `same` padding and rows a multiple of 4 KiB long, the input rows read and the conv
        // rows written at any moment all fall in the same L1 cache sets (eight lines for k = 3,
        // as many as a set holds). Then each input row is first copied into a small ring of k + 1
        // rows with zero borders and a pitch that is not a multiple of 4 KiB: at 4096×4096 that
        // measured 5–25 % faster (k = 3 and 5), while for other shapes the copy cost more than it saved.
        let staged = pad > 0 && width % 1024 == 0
        let slots = staged ? k + 1 : 0
        let pitch = staged ? (width + 2 * pad + 15) / 16 * 16 + 16 : width
        // One zero row stands in for every input row above or below the image (`same` padding).
        withUnsafeTemporaryAllocation(of: Float.self, capacity: (slots + 1) * pitch) { buffer in
            buffer.initialize(repeating: 0)
            let ring = buffer.baseAddress!
            let zero = UnsafePointer(ring + slots * pitch + (staged ? pad : 0))
            // Row pointers and splatted weights live in local buffers that nothing else can see,
            // so the compiler may keep them in registers across the column loop.
            withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: Kernel.maxSize + 1) { rowBuf in
                withUnsafeTemporaryAllocation(of: SIMD4<Float>.self, capacity: Kernel.maxSize * Kernel.maxSize) { splatBuf in
                    let rowPtrs = rowBuf.baseAddress!, splat = splatBuf.baseAddress!
                    for i in 0..<(k * k) { (splat + i).initialize(to: SIMD4(repeating: weights[i])) }
                    var r = 0, nextStaged = 0
                    while r < oh {
                        // Two output rows at a time (one pool row); a last odd row alone. (Blocks of four
                        // rows were tried: slower, the SSE registers run out.)
                        let n = oh - r >= 2 ? 2 : 1
                        // Input rows r − pad ..< r − pad + k + n − 1 feed output rows r ..< r + n.
                        if staged {
                            // Copy in the rows not in the ring yet; they replace rows no longer needed.
                            while nextStaged < min(height, r - pad + k + n - 1) {
                                (ring + (nextStaged % slots) * pitch + pad).update(from: input + nextStaged * width, count: width)
                                nextStaged += 1
                            }
                        }
                        for t in 0..<(k + n - 1) {
                            let ir = r - pad + t
                            guard ir >= 0 && ir < height else { rowPtrs[t] = zero; continue }
                            // Either way, element x of the row is input column x.
                            rowPtrs[t] = staged ? UnsafePointer(ring + (ir % slots) * pitch + pad) : input + ir * width
                        }
                        if n == 2 {
                            rowBlock(K.self, F.self, Rows2.self, r: r, staged: staged, rowPtrs: rowPtrs, splat: splat)
                        } else {
                            rowBlock(K.self, F.self, Rows1.self, r: r, staged: staged, rowPtrs: rowPtrs, splat: splat)
                        }
                        r += n
                    }
                }
            }
        }
    }

    /// Output rows `r ..< r + R.count` (one or two): vector blocks over the columns whose taps all
    /// lie inside the input (all columns when `staged`: the ring rows have zero borders), one cell at
    /// a time at the borders of `same`; then the pool row.
    @inline(__always)
    private func rowBlock<K: FastConvSide, F: FastConvFlag, R: FastConvRows>(_: K.Type, _: F.Type, _: R.Type, r: Int, staged: Bool,
                                                                            rowPtrs: UnsafeMutablePointer<UnsafePointer<Float>>,
                                                                            splat: UnsafeMutablePointer<SIMD4<Float>>) {
        let k = K.side, fused = F.on, n = R.count
        let cv = conv + r * ow
        // Output column c reads input columns c − pad … c − pad + k − 1: all inside for c in innerStart ..< innerEnd.
        let innerStart = staged ? 0 : min(ow, pad)
        let innerEnd = staged ? ow : max(innerStart, min(ow, width - k + pad + 1))
        // The pool row is made from the two conv rows as they are written, a chunk of columns at a
        // time, their ReLU taken on the way: read back while still in L1 (whole rows of 4096 are not).
        // A separate loop from the conv's, because folded into it the compiler interleaves the
        // pool's shuffles with the sums.
        let poolOut = fused && n == 2 ? pool.map { $0 + (r / 2) * (ow / 2) } : nil
        var pooled = 0   // pool columns done
        for c in 0..<innerStart { scalarCell(k: k, n: n, c: c, out: cv, rowPtrs: rowPtrs) }
        if innerEnd - innerStart >= 8 {
            var from = innerStart
            while from < innerEnd {
                var to = min(innerEnd, from + FastConv.chunk)
                if innerEnd - to < 8 { to = innerEnd }   // every chunk at least one block wide
                vectorBlocks(K.self, R.self, SIMD8<Float>.self, from: from, to: to, cv: cv, rowPtrs: rowPtrs, splat: splat)
                if let poolOut, to / 2 > pooled {
                    poolRow(cv, cv + ow, poolOut, from: pooled, to: to / 2)
                    pooled = to / 2
                }
                from = to
            }
        } else if innerEnd - innerStart >= 4 {
            vectorBlocks(K.self, R.self, SIMD4<Float>.self, from: innerStart, to: innerEnd, cv: cv, rowPtrs: rowPtrs, splat: splat)
        } else {
            for c in innerStart..<innerEnd { scalarCell(k: k, n: n, c: c, out: cv, rowPtrs: rowPtrs) }
        }
        for c in innerEnd..<ow { scalarCell(k: k, n: n, c: c, out: cv, rowPtrs: rowPtrs) }
        if let poolOut, ow / 2 > pooled { poolRow(cv, cv + ow, poolOut, from: pooled, to: ow / 2) }
    }

    /// Conv columns pooled at a time (see `rowBlock`).
    static var chunk: Int { 128 }

    /// Columns `from ..< to` (at least `V.fastConvLanes` of them) of output rows `cv ..< cv + R.count`, `V.fastConvLanes` at a time,
    /// straight from registers. Every tap lies inside the input.
    @inline(__always)
    private func vectorBlocks<K: FastConvSide, R: FastConvRows, V: FastConvVector>(
        _: K.Type, _: R.Type, _: V.Type, from: Int, to: Int, cv: UnsafeMutablePointer<Float>,
        rowPtrs: UnsafeMutablePointer<UnsafePointer<Float>>, splat: UnsafeMutablePointer<SIMD4<Float>>
    ) {
        let k = K.side, n = R.count, lanes = V.fastConvLanes
        let rows = RowSet(rowPtrs, count: k + n - 1)
        var c = from
        while true {
            // The last block is moved back to end at `to`; it recomputes a few cells, with the same result.
            if c + lanes > to { c = to - lanes }
            var a0 = V(fastConvBias: bias), a1 = a0
            for t in 0..<(k + n - 1) {
                let src = UnsafeRawPointer(rows[t] + (c - pad))
                for j in 0..<k {
                    let x = V.fastConvLoad(src + j * MemoryLayout<Float>.stride)
                    // Input row t is kernel row t for output row r and kernel row t − 1 for row r + 1;
                    // each sum runs bias, then i, then j, ascending: the order of the general path.
                    if t < k { a0.fastConvAdd(splat[t * k + j], times: x) }
                    if n > 1 && t >= 1 { a1.fastConvAdd(splat[(t - 1) * k + j], times: x) }
                }
            }
            a0.fastConvStore(cv + c)
            if n > 1 { a1.fastConvStore(cv + ow + c) }
            c += lanes
            if c >= to { break }
        }
    }

    /// Pool columns `from ..< to` of the 2×2 pool of the ReLU of two conv rows, four cells at a time; the same
    /// operations as `Pooling.apply` over `Activation.relu` of the rows.
    @inline(__always)
    private func poolRow(_ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>, _ out: UnsafeMutablePointer<Float>,
                         from: Int, to: Int) {
        switch poolMode {
        case .max: poolRow(a, b, out, from: from, to: to, max: true)
        case .avg: poolRow(a, b, out, from: from, to: to, max: false)
        }
    }

    @inline(__always)
    private func poolRow(_ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>, _ out: UnsafeMutablePointer<Float>,
                         from: Int, to: Int, max: Bool) {
        var pc = from
        while pc + 4 <= to {
            // ReLU as `Activation.relu` (x > 0 ? x : 0: NaN and −0 become 0).
            let xc = UnsafeRawPointer(a + 2 * pc).loadUnaligned(as: SIMD8<Float>.self)
            let yc = UnsafeRawPointer(b + 2 * pc).loadUnaligned(as: SIMD8<Float>.self)
            let x = SIMD8<Float>.zero.replacing(with: xc, where: xc .> 0)
            let y = SIMD8<Float>.zero.replacing(with: yc, where: yc .> 0)
            let x0 = x.evenHalf, x1 = x.oddHalf, y0 = y.evenHalf, y1 = y.oddHalf
            let p: SIMD4<Float>
            if max {
                // Swift.max(Swift.max(x0, x1), Swift.max(y0, y1)); ReLU values hold no NaN.
                let mx = x0.replacing(with: x1, where: x1 .>= x0), my = y0.replacing(with: y1, where: y1 .>= y0)
                p = mx.replacing(with: my, where: my .>= mx)
            } else {
                p = (x0 + x1 + y0 + y1) * 0.25
            }
            UnsafeMutableRawPointer(out + pc).storeBytes(of: p, as: SIMD4<Float>.self)
            pc += 4
        }
        while pc < to { poolCell(pc, a, b, out); pc += 1 }
    }

    @inline(__always)
    private func poolCell(_ pc: Int, _ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
        let x0 = Activation.relu(a[2 * pc]), x1 = Activation.relu(a[2 * pc + 1])
        let y0 = Activation.relu(b[2 * pc]), y1 = Activation.relu(b[2 * pc + 1])
        switch poolMode {
        case .max: out[pc] = Swift.max(Swift.max(x0, x1), Swift.max(y0, y1))
        case .avg: out[pc] = (x0 + x1 + y0 + y1) * 0.25
        }
    }

    /// Output column `c` of rows r ..< r + n term by term, skipping taps that fall outside the input.
    @inline(__always)
    private func scalarCell(k: Int, n: Int, c: Int, out: UnsafeMutablePointer<Float>, rowPtrs: UnsafeMutablePointer<UnsafePointer<Float>>) {
        let jFrom = max(0, pad - c), jTo = max(jFrom, min(k, width + pad - c))
        for m in 0..<n {
            var a = bias
            for i in 0..<k {
                let src = rowPtrs[i + m]
                for j in jFrom..<jTo { a += weights[i * k + j] * src[c - pad + j] }
            }
            out[m * ow + c] = a
        }
    }
}

// Type-level constants, so that each specialisation of the fast loop has its kernel side and flags fixed.
fileprivate protocol FastConvSide { static var side: Int { get } }
fileprivate protocol FastConvFlag { static var on: Bool { get } }
fileprivate protocol FastConvRows { static var count: Int { get } }

extension FastConv {
    enum Side1: FastConvSide { static var side: Int { 1 } }
    enum Side3: FastConvSide { static var side: Int { 3 } }
    enum Side5: FastConvSide { static var side: Int { 5 } }
    enum Side7: FastConvSide { static var side: Int { 7 } }
    enum Fused: FastConvFlag { static var on: Bool { true } }
    enum ConvOnly: FastConvFlag { static var on: Bool { false } }
    enum Rows1: FastConvRows { static var count: Int { 1 } }
    enum Rows2: FastConvRows { static var count: Int { 2 } }
}

/// The column vectors of the fast loop. Implemented per concrete type: written generically over
/// `SIMD`, the comparisons and arithmetic would be done lane by lane.
fileprivate protocol FastConvVector {
    static var fastConvLanes: Int { get }
    init(fastConvBias: Float)
    static func fastConvLoad(_ p: UnsafeRawPointer) -> Self
    /// self += w · x, with `w` holding one weight in every lane.
    mutating func fastConvAdd(_ w: SIMD4<Float>, times x: Self)
    /// Stores self at `conv`.
    func fastConvStore(_ conv: UnsafeMutablePointer<Float>)
}

extension SIMD4: FastConvVector where Scalar == Float {
    fileprivate static var fastConvLanes: Int { 4 }
    @inline(__always) fileprivate init(fastConvBias: Float) { self.init(repeating: fastConvBias) }
    @inline(__always) fileprivate static func fastConvLoad(_ p: UnsafeRawPointer) -> SIMD4<Float> { p.loadUnaligned(as: SIMD4<Float>.self) }
    @inline(__always) fileprivate mutating func fastConvAdd(_ w: SIMD4<Float>, times x: SIMD4<Float>) { self += w * x }
    @inline(__always) fileprivate func fastConvStore(_ conv: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(conv).storeBytes(of: self, as: SIMD4<Float>.self)
    }
}

extension SIMD8: FastConvVector where Scalar == Float {
    fileprivate static var fastConvLanes: Int { 8 }
    @inline(__always) fileprivate init(fastConvBias: Float) { self.init(repeating: fastConvBias) }
    @inline(__always) fileprivate static func fastConvLoad(_ p: UnsafeRawPointer) -> SIMD8<Float> { p.loadUnaligned(as: SIMD8<Float>.self) }
    @inline(__always) fileprivate mutating func fastConvAdd(_ w: SIMD4<Float>, times x: SIMD8<Float>) { self += SIMD8(lowHalf: w, highHalf: w) * x }
    @inline(__always) fileprivate func fastConvStore(_ conv: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(conv).storeBytes(of: self, as: SIMD8<Float>.self)
    }
}

/// Up to eight row pointers held in registers rather than reloaded from memory in every block:
/// indexed with a constant (the loops over taps are unrolled), the switch folds away.
fileprivate struct RowSet {
    let p0, p1, p2, p3, p4, p5, p6, p7: UnsafePointer<Float>

    @inline(__always)
    init(_ ptrs: UnsafeMutablePointer<UnsafePointer<Float>>, count: Int) {
        func at(_ t: Int) -> UnsafePointer<Float> { t < count ? ptrs[t] : ptrs[0] }
        p0 = at(0); p1 = at(1); p2 = at(2); p3 = at(3); p4 = at(4); p5 = at(5); p6 = at(6); p7 = at(7)
    }

    @inline(__always)
    subscript(t: Int) -> UnsafePointer<Float> {
        switch t {
        case 0: return p0
        case 1: return p1
        case 2: return p2
        case 3: return p3
        case 4: return p4
        case 5: return p5
        case 6: return p6
        default: return p7
        }
    }
}
