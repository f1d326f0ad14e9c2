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
                if run.isEmpty { return .none }
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
            // `findall`: the strings matched, the group's with one group, tuples of the groups'
            // with more ('' for a group that did not match).
            "_findall": .object(PyBuiltin("_findall(program, string, pos, endpos, /)") { args in
                var run = try Run(args)
                let string = run.string, groups = run.groupCount
                var found: [Value] = []
                try run.scan(limit: 0) { match, matcher in
                    func group(_ n: Int) -> Value {
                        let start = n == 0 ? match.start : matcher.slots[2 * n], end = n == 0 ? match.end : matcher.slots[2 * n + 1]
                        return start >= 0 && end >= start ? .str(string.slice(start..<end)) : .str("")
                    }
                    found.append(groups <= 1 ? group(groups) : .object(PyTuple((1...groups).map(group))))
                }
                return .object(PyList(found))
            }),
            // `split`: the pieces between at most `maxsplit` matches (0: all), each match's groups
            // (None for a group that did not match) after the piece before it.
            "_split": .object(PyBuiltin("_split(program, string, maxsplit, /)") { args in
                var run = try Run(args)
                let string = run.string, groups = run.groupCount
                var pieces: [Value] = []
                var last = 0
                try run.scan(limit: try Arg.size(args["maxsplit"])) { match, matcher in
                    pieces.append(.str(string.slice(last..<match.start)))
                    for n in stride(from: 1, through: groups, by: 1) {
                        let start = matcher.slots[2 * n], end = matcher.slots[2 * n + 1]
                        pieces.append(start >= 0 && end >= start ? .str(string.slice(start..<end)) : .none)
                    }
                    last = match.end
                }
                pieces.append(.str(string.slice(last..<run.text.count)))
                return .object(PyList(pieces))
            }),
            // `sub` with a replacement without backslashes: (new string, number of matches).
            "_sub_literal": .object(PyBuiltin("_sub_literal(program, string, repl, count, /)") { args in
                var run = try Run(args)
                let replacement = Array(try Arg.string(args["repl"], "expected str").utf8)
                var result: [UInt8] = []
                var copied = 0, count = 0
                let text = run.text
                try run.scan(limit: try Arg.size(args["count"])) { found, _ in
                    appendUTF8(text[copied..<found.start], to: &result)
                    result.append(contentsOf: replacement)
                    copied = found.end
                    count += 1
                }
                if count == 0 { return .object(PyTuple([args["string"], .int(0)])) }
                appendUTF8(text[copied...], to: &result)
                return .object(PyTuple([.str(String(decoding: result, as: UTF8.self)), .int(count)]))
            }),
        ])
        interpreter.addSource(ReModuleSource.text, filename: "re.py", to: re)
        return re
    }

    /// A matcher over one string between `pos` and `endpos`, clamped as CPython clamps them.
    private struct Run {
        let string: PyStr
        let text: [Unicode.Scalar]
        let groupCount: Int
        let start: Int
        var matcher: RegexMatcher
        /// Whether `pos` is past `endpos`, where nothing is found (CPython finds nothing there
        /// either, but for patterns that always match the empty string).
        let isEmpty: Bool

        init(_ args: BoundArguments) throws {
            guard case .object(let object as CompiledPattern) = args["program"] else { throw PyError.type("expected a compiled pattern") }
            guard case .str(let string) = NativeBases.scalar(args["string"]) ?? args["string"] else {
                throw PyError.type("expected string or bytes-like object, got '\(args["string"].typeName)'")
            }
            self.string = string
            text = object.scalars(of: string)
            groupCount = object.program.groupCount
            let length = text.count
            let pos = args["pos"].isNone ? 0 : min(max(try Arg.size(args["pos"]), 0), length)
            let endpos = args["endpos"].isNone ? length : min(max(try Arg.size(args["endpos"]), 0), length)
            start = pos
            isEmpty = pos > endpos
            matcher = RegexMatcher(object.program, text: text, end: endpos)
        }

        /// Calls `body` with each match in turn: after an empty match the next may not be empty
        /// at the same place, as in CPython.
        mutating func scan(limit: Int, _ body: ((start: Int, end: Int), RegexMatcher) throws -> Void) throws {
            var position = start, rejectEmpty = false, count = 0
            if isEmpty { return }
            while limit <= 0 || count < limit, let found = try matcher.search(from: position, rejectEmpty: rejectEmpty) {
                try body(found, matcher)
                count += 1
                rejectEmpty = found.end == found.start
                position = found.end
            }
        }
    }

    /// Appends code points as UTF-8 (a String's scalar view appends through generic paths that
    /// cost ten times more).
    private static func appendUTF8(_ scalars: ArraySlice<Unicode.Scalar>, to bytes: inout [UInt8]) {
        for scalar in scalars {
            if scalar.value < 0x80 { bytes.append(UInt8(scalar.value)) } else { bytes.append(contentsOf: scalar.utf8) }
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
        let scalars = string.scalars
        lastText = (string, scalars)
        return scalars
    }
}
