/// `str.strip` and friends, `replace`, `removeprefix`/`removesuffix`, and padding
/// (`center`, `ljust`, `rjust`, `zfill`).
enum StrEditMethods {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("strip(self, chars=None, /)") { args in try strip(args, "strip", leading: true, trailing: true) },
            PyBuiltin("lstrip(self, chars=None, /)") { args in try strip(args, "lstrip", leading: true, trailing: false) },
            PyBuiltin("rstrip(self, chars=None, /)") { args in try strip(args, "rstrip", leading: false, trailing: true) },
            PyBuiltin("replace(self, old, new, count=-1, /)") { args in
                let text = try args.selfStr
                let old = try Arg.string(args["old"], "replace() argument 1 must be str, not \(args["old"].typeName)")
                let new = try Arg.string(args["new"], "replace() argument 2 must be str, not \(args["new"].typeName)")
                let count = try Arg.size(args["count"])
                let limit = count < 0 ? Int.max : count
                if !old.isEmpty { return .str(try replace(text, old, new, limit: limit)) }
                return .str(String(scalars: try insertBetweenCharacters(text.scalars, new.scalars, limit: limit)))
            },
            PyBuiltin("str.removeprefix(self, prefix, /)") { args in
                let text = try args.selfString
                let prefix = try Arg.string(args["prefix"], "removeprefix() argument must be str, not \(args["prefix"].typeName)")
                let t = text.scalars, p = prefix.scalars
                return .str(t.starts(with: p) ? String(scalars: t.dropFirst(p.count)) : text)
            },
            PyBuiltin("str.removesuffix(self, suffix, /)") { args in
                let text = try args.selfString
                let suffix = try Arg.string(args["suffix"], "removesuffix() argument must be str, not \(args["suffix"].typeName)")
                let t = text.scalars, s = suffix.scalars
                return .str(!s.isEmpty && t.reversed().starts(with: s.reversed()) ? String(scalars: t.dropLast(s.count)) : text)
            },
            PyBuiltin("center(self, width, fillchar=' ', /)") { args in try pad(args, .center) },
            PyBuiltin("ljust(self, width, fillchar=' ', /)") { args in try pad(args, .left) },
            PyBuiltin("rjust(self, width, fillchar=' ', /)") { args in try pad(args, .right) },
            PyBuiltin("str.zfill(self, width, /)") { args in
                .str(String(scalars: try Padding.zeroFilled(try args.selfString.scalars, to: try Arg.size(args["width"]),
                                                             zero: "0", signs: ["+", "-"])))
            },
        ]
    }

    private static func strip(_ args: BoundArguments, _ name: String, leading: Bool, trailing: Bool) throws -> Value {
        // Read by index, as the text's own code points: no array of them is made (`line.strip()`).
        let text = try args.selfStr
        let remove: (Unicode.Scalar) -> Bool
        switch NativeBases.scalar(args["chars"]) ?? args["chars"] {
        case .none: remove = { $0.isPythonWhitespace }
        case .str(let chars):
            let set = Set(chars.string.unicodeScalars)
            remove = { set.contains($0) }
        default: throw PyError.type("\(name) arg must be None or str")
        }
        var start = 0, end = text.count
        if leading { while start < end && remove(text.scalar(at: start)) { start += 1 } }
        if trailing { while end > start && remove(text.scalar(at: end - 1)) { end -= 1 } }
        return .str(text.slice(start..<end))
    }

    /// Replaces up to `limit` occurrences of `old` (not empty), found and copied as UTF-8 bytes
    /// (a byte match of valid UTF-8 is a code point match); the text itself when there is none.
    private static func replace(_ str: PyStr, _ old: String, _ new: String, limit: Int) throws -> PyStr {
        var text = str.string, old = old, new = new
        let replaced: String? = try text.withUTF8 { t in
            try old.withUTF8 { o in
                try new.withUTF8 { n in
                    var matches: [Int] = []
                    var i = 0
                    while matches.count < limit, let at = UTF8Search.first(o, in: t, from: i) {
                        matches.append(at)
                        i = at + o.count
                    }
                    if matches.isEmpty { return nil }
                    let (grown, overflow) = matches.count.multipliedReportingOverflow(by: n.count - o.count)
                    if overflow { throw PyError.memory("") }
                    let length = t.count + grown
                    try Allocation.check(count: length, of: UInt8.self)
                    return String(unsafeUninitializedCapacity: length) { buffer in
                        var filled = 0
                        func copy(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
                            filled += UnsafeMutableBufferPointer(rebasing: buffer[filled...]).initialize(fromContentsOf: bytes)
                        }
                        var previous = 0
                        for m in matches {
                            copy(t[previous..<m])
                            copy(n[...])
                            previous = m + o.count
                        }
                        copy(t[previous...])
                        return filled
                    }
                }
            }
        }
        return replaced.map { PyStr.of($0) } ?? str
    }

    /// `new` before each of the first `limit` characters and, within the limit, after the last
    /// (what an empty `old` matches).
    private static func insertBetweenCharacters(_ text: Scalars, _ new: Scalars, limit: Int) throws -> Scalars {
        let matches = Swift.min(limit, text.count + 1)
        let (grown, overflow) = matches.multipliedReportingOverflow(by: new.count)
        if overflow { throw PyError.memory("") }
        try Arg.checkLength(text.count + grown)
        var out = Scalars()
        out.reserveCapacity(text.count + grown)
        for (i, c) in text.enumerated() {
            if i < matches { out += new }
            out.append(c)
        }
        if matches == text.count + 1 { out += new }
        return out
    }

    /// Pads to `width` with the fill character.
    private static func pad(_ args: BoundArguments, _ placement: Padding.Placement) throws -> Value {
        let text = try args.selfString.scalars
        let width = try Arg.size(args["width"])
        guard case .str(let fill) = args["fillchar"] else {
            throw PyError.type("The fill character must be a unicode character, not \(args["fillchar"].typeName)")
        }
        let fillScalars = fill.scalars
        guard fillScalars.count == 1, let f = fillScalars.first else {
            throw PyError.type("The fill character must be exactly one character long")
        }
        return .str(String(scalars: try Padding.padded(text, to: width, with: f, placement)))
    }
}
