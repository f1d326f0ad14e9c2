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
                try splitlines(args.selfStr, keepEnds: Operators.truthy(args["keepends"]))
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
        case .none where text.isASCII && !fromEnd:
            return .object(PyList(splitASCIIWhitespace(text, limit)))
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

    /// `split()` of ASCII text, as `splitWhitespace` splits but over its bytes, without an array
    /// of code points.
    private static func splitASCIIWhitespace(_ str: PyStr, _ limit: Int) -> [Value] {
        func isWhitespace(_ b: UInt8) -> Bool { Unicode.Scalar(b).isPythonWhitespace }
        var text = str.string
        return text.withUTF8 { t in
            var pieces: [Value] = []
            var i = 0
            while pieces.count < limit {
                while i < t.count && isWhitespace(t[i]) { i += 1 }
                if i == t.count { break }
                let start = i
                while i < t.count && !isWhitespace(t[i]) { i += 1 }
                pieces.append(piece(t[start..<i], isASCII: true))
            }
            while i < t.count && isWhitespace(t[i]) { i += 1 }
            if i < t.count { pieces.append(piece(t[i...], isASCII: true)) }
            return pieces
        }
    }

    /// A piece of a text's UTF-8 bytes as a str; the pieces of ASCII text are ASCII, so their
    /// lengths are known without counting.
    private static func piece(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, isASCII: Bool) -> Value {
        .str(PyStr.cut(from: bytes, count: isASCII ? bytes.count : nil))
    }

    /// The pieces between at most `limit` occurrences of `sep`, found from the start or the end.
    /// Searched as UTF-8 bytes, where a match is exactly a code point match.
    private static func splitOn(_ str: PyStr, _ sep: String, _ limit: Int, fromEnd: Bool) -> [Value] {
        let isASCII = str.isASCII
        var text = str.string, sep = sep
        func piece(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Value { Self.piece(bytes, isASCII: isASCII) }
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
                // One pass: counting the cuts first, to make the list at its size, searched the
                // text twice, which costs more than the list's few regrowths (moves of its items).
                var lower = 0
                while pieces.count < limit, let at = UTF8Search.first(s, in: t, from: lower) {
                    pieces.append(piece(t[lower..<at]))
                    lower = at + s.count
                }
                pieces.append(piece(t[lower...]))
                return pieces
            }
        }
    }

    /// The lines of the text, found in its UTF-8 bytes: the ASCII line boundaries, and U+0085,
    /// U+2028 and U+2029 by their two- and three-byte forms; `\r\n` is one boundary.
    private static func splitlines(_ str: PyStr, keepEnds: Bool) -> Value {
        let isASCII = str.isASCII
        var text = str.string
        let lines: [Value] = text.withUTF8 { t in
            var lines: [Value] = []
            var start = 0, i = 0
            while i < t.count {
                // The length in bytes of the line boundary at `i`, 0 where there is none.
                let boundary: Int
                switch t[i] {
                case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E: boundary = 1
                case 0x0D: boundary = i + 1 < t.count && t[i + 1] == 0x0A ? 2 : 1
                case 0xC2 where i + 1 < t.count && t[i + 1] == 0x85: boundary = 2
                case 0xE2 where i + 2 < t.count && t[i + 1] == 0x80 && (t[i + 2] == 0xA8 || t[i + 2] == 0xA9): boundary = 3
                default: boundary = 0
                }
                if boundary == 0 {
                    i += 1
                    continue
                }
                lines.append(piece(t[start..<(keepEnds ? i + boundary : i)], isASCII: isASCII))
                i += boundary
                start = i
            }
            if start < t.count { lines.append(piece(t[start...], isASCII: isASCII)) }
            return lines
        }
        return .object(PyList(lines))
    }

    private static func partition(_ args: BoundArguments, fromEnd: Bool) throws -> Value {
        let text = try args.selfStr
        guard case .str(let sep) = NativeBases.scalar(args["sep"]) ?? args["sep"] else {
            throw PyError.type("must be str, not \(args["sep"].typeName)")
        }
        guard !sep.isEmpty else { throw PyError.value("empty separator") }
        guard let at = text.firstIndex(of: sep, in: 0..<text.count, fromEnd: fromEnd) else {
            let parts: [Value] = fromEnd ? [.str(PyStr.empty), .str(PyStr.empty), .str(text)] : [.str(text), .str(PyStr.empty), .str(PyStr.empty)]
            return .object(PyTuple(parts))
        }
        return .object(PyTuple([.str(text.slice(0..<at)), .str(sep), .str(text.slice((at + sep.count)..<text.count))]))
    }
}
