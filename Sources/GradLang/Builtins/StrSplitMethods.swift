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
                .str(try PyStr.joined(try Iteration.collect(args["iterable"]), separator: try args.selfStr))
            },
        ]
    }

    private static func split(_ args: BoundArguments, fromEnd: Bool) throws -> Value {
        let text = try args.selfStr
        let maxsplit = try Arg.size(args["maxsplit"])
        let limit = maxsplit < 0 ? Int.max : maxsplit
        switch NativeBases.scalar(args["sep"]) ?? args["sep"] {
        case .none:
            let scalars = text.scalars
            let pieces = fromEnd ? mirrored(splitWhitespace(Array(scalars.reversed()), limit)) : splitWhitespace(scalars, limit)
            return .object(PyList(pieces.map { .str(String(scalars: $0)) }))
        case .str(let sep):
            guard !sep.isEmpty else { throw PyError.value("empty separator") }
            return .object(PyList(splitOn(text, sep.string, limit, fromEnd: fromEnd)))
        default:
            throw PyError.type("must be str or None, not \(args["sep"].typeName)")
        }
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

    /// The pieces between at most `limit` occurrences of `sep`, found from the start or the end.
    /// Searched as UTF-8 bytes, where a match is exactly a code point match.
    private static func splitOn(_ str: PyStr, _ sep: String, _ limit: Int, fromEnd: Bool) -> [Value] {
        // The pieces of ASCII text are ASCII: their lengths are known without counting.
        let isASCII = str.isASCII
        var text = str.string, sep = sep
        func piece(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Value {
            .str(PyStr.of(String(decoding: bytes, as: UTF8.self), count: isASCII ? bytes.count : nil))
        }
        return text.withUTF8 { t in
            sep.withUTF8 { s in
                var pieces: [Value] = []
                if fromEnd {
                    var cuts: [Int] = []
                    var end = t.count
                    while cuts.count < limit, let at = UTF8Search.last(s, in: t, before: end) {
                        cuts.append(at)
                        end = at
                    }
                    pieces.reserveCapacity(cuts.count + 1)
                    var lower = 0
                    for at in cuts.reversed() {
                        pieces.append(piece(t[lower..<at]))
                        lower = at + s.count
                    }
                    pieces.append(piece(t[lower...]))
                    return pieces
                }
                // Counted first, so the list is made at its size: no list of cuts, no regrowing.
                var cuts = 0, start = 0
                while cuts < limit, let at = UTF8Search.first(s, in: t, from: start) {
                    cuts += 1
                    start = at + s.count
                }
                pieces.reserveCapacity(cuts + 1)
                var lower = 0
                while pieces.count < cuts, let at = UTF8Search.first(s, in: t, from: lower) {
                    pieces.append(piece(t[lower..<at]))
                    lower = at + s.count
                }
                pieces.append(piece(t[lower...]))
                return pieces
            }
        }
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
