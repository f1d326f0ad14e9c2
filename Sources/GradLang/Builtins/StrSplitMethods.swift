/// `str.split`, `rsplit`, `splitlines`, `partition`, `rpartition` and `join`.
enum StrSplitMethods {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("split(self, sep=None, maxsplit=-1)") { args in
                try split(args, fromEnd: false)
            },
            PyBuiltin("rsplit(self, sep=None, maxsplit=-1)") { args in
                try split(args, fromEnd: true)
            },
            PyBuiltin("splitlines(self, keepends=False)") { args in
                try splitlines(args.selfString.scalars, keepEnds: Operators.truthy(args["keepends"]))
            },
            PyBuiltin("str.partition(self, sep, /)") { args in
                try partition(args, fromEnd: false)
            },
            PyBuiltin("str.rpartition(self, sep, /)") { args in
                try partition(args, fromEnd: true)
            },
            PyBuiltin("str.join(self, iterable, /)") { args in
                let separator = try args.selfString
                var parts: [String] = []
                var length = 0
                try args.interpreter.forEach(in: args["iterable"]) { item in
                    guard case .str(let s) = item else {
                        throw PyError.type("sequence item \(parts.count): expected str instance, \(item.typeName) found")
                    }
                    length += s.utf8.count + separator.utf8.count
                    try Arg.checkLength(length)
                    parts.append(s)
                }
                return .str(parts.joined(separator: separator))
            },
        ]
    }

    private static func split(_ args: BoundArguments, fromEnd: Bool) throws -> Value {
        let text = try args.selfString.scalars
        let maxsplit = try Arg.size(args["maxsplit"])
        let limit = maxsplit < 0 ? Int.max : maxsplit
        let pieces: [Scalars]
        switch args["sep"] {
        case .none:
            pieces = fromEnd ? mirrored(splitWhitespace(Array(text.reversed()), limit)) : splitWhitespace(text, limit)
        case .str(let sep):
            guard !sep.isEmpty else { throw PyError.value("empty separator") }
            pieces = fromEnd ? mirrored(splitOn(Array(text.reversed()), Array(sep.scalars.reversed()), limit))
                             : splitOn(text, sep.scalars, limit)
        default:
            throw PyError.type("must be str or None, not \(args["sep"].typeName)")
        }
        return .object(PyList(pieces.map { .str(String(scalars: $0)) }))
    }

    /// Pieces of reversed text put back the right way round (`rsplit` splits the mirror image).
    private static func mirrored(_ pieces: [Scalars]) -> [Scalars] {
        pieces.reversed().map { Array($0.reversed()) }
    }

    /// Runs of non-whitespace, at most `limit` splits; the rest (leading space stripped) is the
    /// last piece, as CPython's `split_whitespace`. `rsplit` runs it over the reversed text.
    private static func splitWhitespace(_ text: Scalars, _ limit: Int) -> [Scalars] {
        var pieces: [Scalars] = []
        var i = 0, splits = 0
        while splits < limit {
            while i < text.count && text[i].isPythonWhitespace { i += 1 }
            if i == text.count { break }
            let start = i
            while i < text.count && !text[i].isPythonWhitespace { i += 1 }
            pieces.append(Array(text[start..<i]))
            splits += 1
        }
        while i < text.count && text[i].isPythonWhitespace { i += 1 }
        if i < text.count { pieces.append(Array(text[i...])) }
        return pieces
    }

    private static func splitOn(_ text: Scalars, _ sep: Scalars, _ limit: Int) -> [Scalars] {
        var pieces: [Scalars] = []
        var start = 0
        while pieces.count < limit, let found = ScalarSearch.first(sep, in: text, from: start, to: text.count) {
            pieces.append(Array(text[start..<found]))
            start = found + sep.count
        }
        pieces.append(Array(text[start...]))
        return pieces
    }

    private static func splitlines(_ text: Scalars, keepEnds: Bool) -> Value {
        var lines: [Value] = []
        var start = 0, i = 0
        while i < text.count {
            guard text[i].isLineBoundary else { i += 1; continue }
            var end = i + 1
            if text[i] == "\r" && end < text.count && text[end] == "\n" { end += 1 }
            lines.append(.str(String(scalars: text[start..<(keepEnds ? end : i)])))
            start = end
            i = end
        }
        if start < text.count { lines.append(.str(String(scalars: text[start...]))) }
        return .object(PyList(lines))
    }

    private static func partition(_ args: BoundArguments, fromEnd: Bool) throws -> Value {
        let text = try args.selfString
        let sep = try Arg.string(args["sep"], "must be str, not \(args["sep"].typeName)")
        guard !sep.isEmpty else { throw PyError.value("empty separator") }
        let hay = text.scalars, needle = sep.scalars
        let found = fromEnd ? ScalarSearch.last(needle, in: hay, from: 0, to: hay.count)
                            : ScalarSearch.first(needle, in: hay, from: 0, to: hay.count)
        guard let at = found else {
            let parts: [Value] = fromEnd ? [.str(""), .str(""), .str(text)] : [.str(text), .str(""), .str("")]
            return .object(PyTuple(parts))
        }
        return .object(PyTuple([.str(String(scalars: hay[..<at])), .str(sep),
                                .str(String(scalars: hay[(at + needle.count)...]))]))
    }
}
