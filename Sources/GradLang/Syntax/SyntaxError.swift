/// A compile-time error, as data: Python's exception type, CPython's message, and where it points.
/// Nothing in the front end prints; the one renderer (Diagnostics/ErrorRenderer.swift) turns this
/// into CPython's "  File ..., line N / source line / carets / Kind: message" block.
public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntaxError = "SyntaxError"
        case indentationError = "IndentationError"
        case tabError = "TabError"
    }

    public var kind: Kind
    public var message: String
    /// 1-based line of the error (CPython's `lineno`); 0 for the one error CPython reports with no
    /// line (a file that is not UTF-8), which is rendered as its last line alone.
    public var line: Int
    /// 1-based column in characters where the caret starts (CPython's `offset`); 0, or a column
    /// inside the line's indentation, draws no caret (CPython's rule).
    public var column: Int
    /// Where the carets end (exclusive), on `endLine`. CPython reports -1 or 0 when it has no end;
    /// here such errors have `endColumn == column + 1` (one caret), which is how CPython draws them.
    public var endLine: Int
    public var endColumn: Int
    /// The source line the error is on, without its newline (CPython's `text`).
    public var lineText: String

    public init(_ kind: Kind, _ message: String, line: Int, column: Int,
                endLine: Int? = nil, endColumn: Int? = nil, lineText: String) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
        let endLine = endLine ?? line
        self.endLine = endLine
        if let endColumn, endLine > line || endColumn > column {
            self.endColumn = endColumn
        } else {
            self.endColumn = column + 1
        }
        self.lineText = lineText
    }

    /// `SyntaxError: invalid syntax`, the last line of CPython's report.
    public var description: String { "\(kind.rawValue): \(message)" }
}
