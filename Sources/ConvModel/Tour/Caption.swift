/// A caption box: a short title and a sentence or two, as the guided tour shows them.
public struct Caption: Equatable, Sendable {
    public var title: String
    public var text: String

    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }
}
