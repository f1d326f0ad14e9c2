/// `bytes.split`, `rsplit`, `splitlines`, `partition`, `rpartition` and `join` (for bytearray too:
/// the pieces are of the receiver's type), with CPython's messages.
enum BytesSplitMethods {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("bytes.split(self, sep=None, maxsplit=-1)", style: .clinic) { args in
                try split(args, fromEnd: false)
            },
            PyBuiltin("bytes.rsplit(self, sep=None, maxsplit=-1)", style: .clinic) { args in
                try split(args, fromEnd: true)
            },
            PyBuiltin("bytes.splitlines(self, keepends=False)", style: .clinic) { args in
                let receiver = try args.selfBytes, bytes = receiver.bytes
                let keepEnds = try Operators.truthy(args["keepends"])
                var lines: [Value] = [], start = 0, i = 0
                while i < bytes.count {
                    guard bytes[i] == 0x0A || bytes[i] == 0x0D else { i += 1; continue }
                    // `\r\n` is one line end.
                    let end = bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? i + 2 : i + 1
                    lines.append(.object(receiver.sameType(Array(bytes[start..<(keepEnds ? end : i)]))))
                    start = end
                    i = end
                }
                if start < bytes.count { lines.append(.object(receiver.sameType(Array(bytes[start...])))) }
                return .object(PyList(lines))
            },
            PyBuiltin("bytes.partition(self, sep, /)") { args in try partition(args, fromEnd: false) },
            PyBuiltin("bytes.rpartition(self, sep, /)") { args in try partition(args, fromEnd: true) },
            PyBuiltin("bytes.join(self, iterable_of_bytes, /)") { args in
                let receiver = try args.selfBytes, separator = receiver.bytes
                var out: [UInt8] = []
                for (k, item) in try Iteration.collect(args["iterable_of_bytes"]).enumerated() {
                    guard let piece = try PyMemoryView.bufferBytes(item) else {
                        throw PyError.type("sequence item \(k): expected a bytes-like object, \(item.typeName) found")
                    }
                    if k > 0 { out += separator }
                    out += piece
                }
                return .object(receiver.sameType(out))
            },
        ]
    }

    /// ASCII whitespace, which is all `bytes` counts as whitespace.
    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }

    /// `split`, or `rsplit` as `split` of the mirror image (the text and the separator reversed),
    /// its pieces put back the right way round.
    private static func split(_ args: BoundArguments, fromEnd: Bool) throws -> Value {
        let receiver = try args.selfBytes
        let limit = try Arg.size(args["maxsplit"])
        let bytes = fromEnd ? Array(receiver.bytes.reversed()) : receiver.bytes
        var pieces: [ArraySlice<UInt8>]
        if args["sep"].isNone {
            pieces = splitWhitespace(bytes, limit: limit)
        } else {
            let sep = try BytesMethods.bytesArgument(args["sep"])
            if sep.isEmpty { throw PyError.value("empty separator") }
            pieces = split(bytes, on: fromEnd ? sep.reversed() : sep, limit: limit)
        }
        if fromEnd { pieces = pieces.reversed().map { ArraySlice($0.reversed()) } }
        return .object(PyList(pieces.map { .object(receiver.sameType(Array($0))) }))
    }

    private static func splitWhitespace(_ bytes: [UInt8], limit: Int) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = [], i = 0
        while true {
            while i < bytes.count && isWhitespace(bytes[i]) { i += 1 }
            if i == bytes.count { return pieces }
            // The rest is the last piece, whitespace after it kept, as CPython keeps it.
            if limit >= 0 && pieces.count == limit { return pieces + [bytes[i...]] }
            let start = i
            while i < bytes.count && !isWhitespace(bytes[i]) { i += 1 }
            pieces.append(bytes[start..<i])
        }
    }

    private static func split(_ bytes: [UInt8], on sep: [UInt8], limit: Int) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = [], i = 0
        while limit < 0 || pieces.count < limit, let at = PyBytes.firstIndex(of: sep, in: bytes, from: i) {
            pieces.append(bytes[i..<at])
            i = at + sep.count
        }
        return pieces + [bytes[i...]]
    }

    /// `(before, sep, after)` around the first (or last) `sep`; the whole at the far end when
    /// there is none.
    private static func partition(_ args: BoundArguments, fromEnd: Bool) throws -> Value {
        let receiver = try args.selfBytes, bytes = receiver.bytes
        let sep = try BytesMethods.bytesArgument(args["sep"])
        if sep.isEmpty { throw PyError.value("empty separator") }
        let found = fromEnd ? PyBytes.lastIndex(of: sep, in: bytes, before: bytes.count) : PyBytes.firstIndex(of: sep, in: bytes, from: 0)
        let parts: [[UInt8]]
        if let at = found {
            parts = [Array(bytes[..<at]), sep, Array(bytes[(at + sep.count)...])]
        } else {
            parts = fromEnd ? [[], [], bytes] : [bytes, [], []]
        }
        return .object(PyTuple(parts.map { .object(receiver.sameType($0)) }))
    }
}
