/// The `re` module's Swift part: compiling a pattern (RegexParser, RegexProgram) and running it
/// (RegexMatcher). `Pattern`, `Match` and the module's functions are Python (ReModuleSource).
enum ReModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        let re = PyModule(name: "re", attributes: [
            // (program, flags, groups, [(name, index)]), or (None, message, position, kind) for a
            // bad pattern, which the Python part raises as re.error or the kind's built-in error.
            "_compile": .object(PyBuiltin("_compile(pattern, flags, /)") { args in
                let pattern = try Arg.string(args["pattern"], "first argument must be string or compiled pattern")
                let flags = RegexFlags(rawValue: try Arg.size(args["flags"]))
                do {
                    let parsed = try RegexParser.parse(pattern, flags: flags)
                    let program = CompiledPattern(try RegexProgram(parsed))
                    let names = parsed.groupNames.map { Value.object(PyTuple([.str($0.name), .int($0.index)])) }
                    return .object(PyTuple([.object(program), .int(parsed.flags.rawValue), .int(parsed.groupCount), .object(PyList(names))]))
                } catch let error as RegexSyntaxError {
                    let kind: String
                    switch error.kind {
                    case .reError: kind = "error"
                    case .overflow: kind = "overflow"
                    case .value: kind = "value"
                    case .recursion: kind = "recursion"
                    }
                    return .object(PyTuple([.none, .str(error.message), error.position.map { .int($0) } ?? .none, .str(kind)]))
                }
            }),
            // The group spans of a match at pos (mode 0), of a full match (1) or of the first
            // match found by searching (2): a tuple (start0, end0, start1, end1, ..., lastindex).
            "_match": .object(PyBuiltin("_match(program, string, pos, endpos, mode, /)") { args in
                var run = try Run(args)
                let mode = try Arg.size(args["mode"])
                if mode == 2 {
                    guard let found = try run.matcher.search(from: run.start, rejectEmpty: false) else { return .none }
                    return spans(found, run.matcher)
                }
                guard let end = try run.matcher.match(at: run.start, fullMatch: mode == 1, rejectEmpty: false) else { return .none }
                return spans((run.start, end), run.matcher)
            }),
            // The spans of successive matches, as `_match` gives them, at most `count` (0: all).
            "_scan": .object(PyBuiltin("_scan(program, string, pos, endpos, count, /)") { args in
                var run = try Run(args)
                var found: [Value] = []
                try run.scan(limit: try Arg.size(args["count"])) { found.append(spans($0, $1)) }
                return .object(PyList(found))
            }),
            // `sub` with a replacement without backslashes: (new string, number of matches).
            "_sub_literal": .object(PyBuiltin("_sub_literal(program, string, repl, count, /)") { args in
                var run = try Run(args)
                let replacement = try Arg.string(args["repl"], "expected str").unicodeScalars
                var result = String.UnicodeScalarView()
                var copied = 0, count = 0
                let text = run.text
                try run.scan(limit: try Arg.size(args["count"])) { found, _ in
                    result.append(contentsOf: text[copied..<found.start])
                    result.append(contentsOf: replacement)
                    copied = found.end
                    count += 1
                }
                if count == 0 { return .object(PyTuple([args["string"], .int(0)])) }
                result.append(contentsOf: text[copied...])
                return .object(PyTuple([.str(String(result)), .int(count)]))
            }),
        ])
        interpreter.addSource(ReModuleSource.text, filename: "re.py", to: re)
        return re
    }

    /// A matcher over one string between `pos` and `endpos`, clamped as CPython clamps them.
    private struct Run {
        let text: [Unicode.Scalar]
        let start: Int
        var matcher: RegexMatcher

        init(_ args: BoundArguments) throws {
            guard case .object(let object as CompiledPattern) = args["program"] else { throw PyError.type("expected a compiled pattern") }
            guard case .str(let string) = NativeBases.scalar(args["string"]) ?? args["string"] else {
                throw PyError.type("expected string or bytes-like object, got '\(args["string"].typeName)'")
            }
            text = object.scalars(of: string)
            let length = text.count
            let pos = args["pos"].isNone ? 0 : min(max(try Arg.size(args["pos"]), 0), length)
            let endpos = args["endpos"].isNone ? length : min(max(try Arg.size(args["endpos"]), 0), length)
            start = pos
            matcher = RegexMatcher(object.program, text: text, end: max(endpos, 0))
        }

        /// Calls `body` with each match in turn: after an empty match the next may not be empty
        /// at the same place, as in CPython.
        mutating func scan(limit: Int, _ body: ((start: Int, end: Int), RegexMatcher) throws -> Void) throws {
            var position = start, rejectEmpty = false, count = 0
            while limit <= 0 || count < limit, let found = try matcher.search(from: position, rejectEmpty: rejectEmpty) {
                try body(found, matcher)
                count += 1
                rejectEmpty = found.end == found.start
                position = found.end
            }
        }
    }

    private static func spans(_ found: (start: Int, end: Int), _ matcher: RegexMatcher) -> Value {
        var items: [Value] = [.int(found.start), .int(found.end)]
        items.reserveCapacity(matcher.slots.count + 1)
        for slot in matcher.slots.indices.dropFirst(2) { items.append(.int(matcher.slots[slot])) }
        items.append(.int(matcher.lastIndex))
        return .object(PyTuple(items))
    }
}

/// A compiled pattern as a value the Python part keeps in its `Pattern`.
final class CompiledPattern: PyObject {
    let program: RegexProgram
    /// The code points of the last string matched, kept for the next call on the same str (a
    /// lexer's `pattern.match(text, pos)` loop), which would otherwise convert the text each time.
    /// Holding the str keeps it from being grown in place, which only its sole reference may do.
    private var lastText: (string: PyStr, scalars: [Unicode.Scalar])?

    init(_ program: RegexProgram) { self.program = program }
    override var typeName: String { "re._program" }

    func scalars(of string: PyStr) -> [Unicode.Scalar] {
        if let lastText, lastText.string === string { return lastText.scalars }
        let scalars = Array(string.string.unicodeScalars)
        lastText = (string, scalars)
        return scalars
    }
}
