/// A JSON value, held without Foundation: what a tour file says once its text is parsed.
/// The executable parses the file; `TourSpec` turns the value into a `Tour` and is tested here.
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
