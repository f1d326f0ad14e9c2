/// `input()` and `sys.stdin`: the program's standard input, read a line at a time through
/// `Interpreter.readInputLine`, which the host provides (none by default: the input is empty).
/// Both read through the one stream, so `input()` after `sys.stdin.read(3)` continues where it
/// stopped, as CPython's share one buffer.
public final class PyInputStream: PyObject, PyAttributeProviding, PyCustomRepr, PyIterable {
    /// Unowned: the interpreter holds this stream.
    private unowned let interpreter: Interpreter
    /// Text read from the host but not yet given out (the rest of a line `read(n)` split).
    private var pending = ""
    private var atEnd = false

    init(_ interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    override public var typeName: String { "TextIOWrapper" }
    public var reprText: String { "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>" }

    /// The next line with its newline; "" at the end of input. KeyboardInterrupt when Ctrl-C
    /// stopped the read.
    func line() throws -> String {
        if let newline = pending.firstIndex(of: "\n") {
            defer { pending = String(pending[pending.index(after: newline)...]) }
            return String(pending[...newline])
        }
        let next = try more() ?? ""
        defer { pending = "" }
        return pending + next
    }

    /// Up to `count` characters (all that is left when nil).
    private func read(_ count: Int?) throws -> String {
        while count.map({ pending.count < $0 }) ?? true, let next = try more() { pending += next }
        let taken = count.map { String(pending.prefix($0)) } ?? pending
        pending.removeFirst(taken.count)
        return taken
    }

    /// The host's next line; nil at the end of input, which stays ended.
    private func more() throws -> String? {
        if atEnd { return nil }
        if let next = interpreter.readInputLine() { return next }
        // A read that Ctrl-C stopped ends as KeyboardInterrupt, not as the end of input.
        try interpreter.checkPendingEvents()
        atEnd = true
        return nil
    }

    public func makeIterator() throws -> PyIterator {
        PyIterator(name: "TextIOWrapper") { [self] in
            let text = try line()
            return text.isEmpty ? nil : .str(text)
        }
    }

    public func attribute(_ attribute: String) throws -> Value? {
        switch attribute {
        case "readline":
            return .object(PyBuiltin("readline(size=-1, /)") { [self] args in
                let size = try sizeArgument(args["size"])
                guard let size else { return .str(try line()) }
                let text = try line()
                pending = String(text.dropFirst(size)) + pending
                return .str(String(text.prefix(size)))
            })
        case "read":
            return .object(PyBuiltin("read(size=-1, /)") { [self] args in
                .str(try read(sizeArgument(args["size"])))
            })
        case "readlines":
            return .object(PyBuiltin("readlines(hint=-1, /)") { [self] args in
                var lines: [Value] = []
                while case let text = try line(), !text.isEmpty { lines.append(.str(text)) }
                return .object(PyList(lines))
            })
        case "isatty": return .object(PyBuiltin("isatty()") { [self] _ in .bool(interpreter.inputIsTerminal()) })
        case "fileno": return .object(PyBuiltin("fileno()") { _ in .int(0) })
        case "readable": return .object(PyBuiltin("readable()") { _ in .bool(true) })
        case "name": return .str("<stdin>")
        case "mode": return .str("r")
        case "encoding": return .str("utf-8")
        case "closed": return .bool(false)
        default: return nil
        }
    }

    /// A `size` argument: nil for all (negative or None), else the count.
    private func sizeArgument(_ value: Value) throws -> Int? {
        switch value {
        case .none: return nil
        case .int(let n): return n < 0 ? nil : n
        case .bool(let b): return b ? 1 : 0
        default: throw PyError.type("argument should be integer or None, not '\(value.typeName)'")
        }
    }
}

enum StandardInput {
    /// `input(prompt)`: writes the prompt (no newline), reads a line and returns it without its
    /// newline; EOFError at the end of input.
    nonisolated(unsafe) static let input = PyBuiltin("input(prompt='', /)") { args in
        let interpreter = args.interpreter
        let prompt = try Repr.checkedStr(args["prompt"])
        if !prompt.isEmpty { try interpreter.writeOutput(prompt) }
        try interpreter.flushOutput()
        let text = try interpreter.standardInput.line()
        if text.isEmpty { throw PyError(PyExc.eofError, "EOF when reading a line") }
        return .str(text.hasSuffix("\n") ? String(text.dropLast()) : text)
    }
}
