/// The products, the bias and the sum of one kernel position written so that the written
/// equation is true: the products as written add up to the sum as written, to the last digit.
///
/// Rounding each product and adding is not the same as rounding the sum (nine products of
/// 0.0333 round to 0.03 each, 0.27 in all, while the sum is 0.3). So the decimals are chosen
/// for the whole equation: start at the fewest that show every nonzero product, bias and sum as
/// nonzero (`DecimalText.decimals(toShow:)`), and add one at a time, up to `maxDecimals`, until
///
///     Σ units(productᵢ) == units(Σ products)   and   units(Σ products) + units(bias) == units(value)
///
/// where `units` rounds to that many decimals. Every number is then the correct rounding of the
/// value it stands for, and the equation holds exactly in those decimals. When no precision up to
/// the cap works (a repeating decimal such as 1/9 × 0.3 never does), `isExact` is false and the
/// sum is written with `≈`, never with a false `=`; the products then get two significant digits
/// (`0.033`, not `0.03`), so that adding them up comes close to the sum.
public struct SumText: Equatable, Sendable {
    public let decimals: Int
    /// True when the written products and bias add up exactly to the written sum and value.
    public let isExact: Bool
    public let products: [String]
    /// Σ products, before the bias.
    public let productSum: String
    /// Nil when the bias is zero.
    public let bias: String?
    /// The conv value: Σ products + bias.
    public let value: String

    /// `=` or `≈`, for between the products and the sum.
    public var relation: String { isExact ? "=" : "≈" }

    /// - Parameters:
    ///   - products: weight × input for each tap.
    ///   - value: the conv value the map holds (Σ products + bias, as the model computes it).
    ///   - maxDecimals: the most decimals the place the products are drawn in can take.
    public init(products: [Float], bias: Float, value: Float, maxDecimals: Int = DecimalText.maxDecimals) {
        let exactSum = products.reduce(0.0) { $0 + Double($1) }
        let first = DecimalText.decimals(toShow: products + [bias, value])
        let cap = max(first, min(maxDecimals, DecimalText.maxDecimals))
        let largest = products.reduce(0.0) { max($0, abs(Double($1))) }
        let twoDigits = largest > 0 && largest.isFinite ? max(0, 1 - largest.exponent10) : first
        var chosen = min(cap, max(first, twoDigits)), exact = false
        for d in first...cap where SumText.holds(products, exactSum, bias, value, decimals: d) {
            chosen = d
            exact = true
            break
        }
        decimals = chosen
        isExact = exact
        self.products = products.map { DecimalText.fixed(Double($0), decimals: chosen) }
        productSum = DecimalText.fixed(exactSum, decimals: chosen)
        self.bias = bias == 0 ? nil : DecimalText.fixed(Double(bias), decimals: chosen)
        self.value = DecimalText.fixed(Double(value), decimals: chosen)
    }

    /// The same text said with `≈`: for when the products cannot be drawn at `decimals` places
    /// (their cells are too narrow) and some are shortened, so they no longer add up as written.
    public func approximated() -> SumText {
        SumText(decimals: decimals, isExact: false, products: products, productSum: productSum, bias: bias, value: value)
    }

    private init(decimals: Int, isExact: Bool, products: [String], productSum: String, bias: String?, value: String) {
        self.decimals = decimals
        self.isExact = isExact
        self.products = products
        self.productSum = productSum
        self.bias = bias
        self.value = value
    }

    /// The equation in units of 10^−decimals, with every term readable (none hides a nonzero).
    static func holds(_ products: [Float], _ sum: Double, _ bias: Float, _ value: Float, decimals d: Int) -> Bool {
        var total: Int64 = 0
        for p in products {
            guard DecimalText.readsTrue(Double(p), decimals: d), let u = DecimalText.units(Double(p), decimals: d) else {
                return false
            }
            total += u
        }
        guard let s = DecimalText.units(sum, decimals: d), let b = DecimalText.units(Double(bias), decimals: d),
              let v = DecimalText.units(Double(value), decimals: d),
              DecimalText.readsTrue(Double(bias), decimals: d), DecimalText.readsTrue(Double(value), decimals: d)
        else { return false }
        return total == s && s + b == v
    }
}
