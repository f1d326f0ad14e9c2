/// The parser's SyntaxError (data) as a Python exception, which `eval`, `exec` and `compile`
/// raise: CPython's args `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`, its
/// str `msg (filename, line N)`, and its report under a traceback (the quoted line and carets).
extension PyError {
    init(_ e: SyntaxError, filename: String) {
        let type = SyntaxErrorArguments.type(e.kind)
        let details: [Value] = [.str(filename), .int(e.line), .int(e.column), .str(e.lineText), .int(e.endLine), .int(e.endColumn)]
        self.init(exception: PyExceptionObject(type: type, args: [.str(e.message), .object(PyTuple(details))]))
    }

    /// What the renderer quotes of a SyntaxError made from the parser's, or of one made by hand
    /// with the same arguments; nil for any other exception.
    var syntaxDetails: (error: SyntaxError, filename: String)? {
        guard let kind = SyntaxError.Kind(rawValue: exception.type.name), exception.type === SyntaxErrorArguments.type(kind),
              let details = SyntaxErrorArguments(exception.args) else { return nil }
        return (SyntaxError(kind, details.message, line: details.line, column: details.offset, endLine: details.endLine,
                            endColumn: details.endOffset, lineText: details.text), details.filename)
    }
}

/// `(msg, (filename, lineno, offset, text, end_lineno, end_offset))` read back.
struct SyntaxErrorArguments {
    let message: String, filename: String, text: String
    let line: Int, offset: Int, endLine: Int, endOffset: Int

    init?(_ args: [Value]) {
        guard args.count == 2, case .str(let message) = args[0], case .object(let t as PyTuple) = args[1], t.items.count == 6,
              case .str(let filename) = t.items[0], case .int(let line) = t.items[1], case .int(let offset) = t.items[2],
              case .str(let text) = t.items[3], case .int(let endLine) = t.items[4], case .int(let endOffset) = t.items[5]
        else { return nil }
        (self.message, self.filename, self.text) = (message.string, filename.string, text.string)
        (self.line, self.offset, self.endLine, self.endOffset) = (line, offset, endLine, endOffset)
    }

    static func type(_ kind: SyntaxError.Kind) -> PyClass {
        switch kind {
        case .syntaxError: PyExc.syntaxError
        case .indentationError: PyExc.indentationError
        case .tabError: PyExc.tabError
        }
    }

    /// CPython's `SyntaxError.__str__`: the message and where, the file by its last component.
    var str: String {
        let base = filename.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? filename
        return "\(message) (\(base), line \(line))"
    }

    /// The attribute `name` of a SyntaxError made with these arguments (`e.lineno`).
    func attribute(_ name: String) -> Value? {
        switch name {
        case "msg": .str(message)
        case "filename": .str(filename)
        case "lineno": .int(line)
        case "offset": .int(offset)
        case "text": .str(text)
        case "end_lineno": .int(endLine)
        case "end_offset": .int(endOffset)
        default: nil
        }
    }
}
