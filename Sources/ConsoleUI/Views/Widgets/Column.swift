import Findings

/// One column of a table: a title, a width, and which side the text sits on.
struct Column {
    var title: String
    var width: Int
    var alignRight = false

    init(_ title: String, _ width: Int, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}
