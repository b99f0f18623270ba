/// A JSON value, held without Foundation: what a tour file says once its text is parsed.
///
/// It is `Decodable` (a standard-library protocol), so whoever has a JSON decoder can read one:
/// `try JSONDecoder().decode(TourValue.self, from: data)`. `TourSpec` then turns it into a `Tour`.
public enum TourValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([TourValue])
    case object([String: TourValue])

    /// What kind of value this is, as an error message names it.
    public var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "true/false"
        case .number: return "a number"
        case .string: return "text"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

extension TourValue: Decodable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        // Bool before Double: a decoder that would read `true` as 1 must not get the chance.
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([TourValue].self) {
            self = .array(a)
        } else if let o = try? c.decode([String: TourValue].self) {
            self = .object(o)
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a JSON value")
        }
    }
}
