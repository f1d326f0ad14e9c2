import BigInt

/// `print`, `format`, `chr`, `ord`, `hex`, `oct`, `bin` and `ascii`.
enum TextFunctions {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("print(*args, sep=None, end=None, file=None, flush=False)") { args in
                let sep = try separator(args["sep"], "sep", default: " ")
                let end = try separator(args["end"], "end", default: "\n")
                let text = try args.varargs("args").map(Repr.checkedStr).joined(separator: sep) + end
                if args["file"].isNone {
                    try args.interpreter.writeOutput(text)
                    if try Operators.truthy(args["flush"]) { try args.interpreter.flushOutput() }
                } else {
                    // Any object with a `write` method, as in CPython.
                    _ = try args.interpreter.call(args.interpreter.getAttribute(args["file"], "write"), Arguments([.str(text)]))
                }
                return .none
            },
            PyBuiltin("format(value, format_spec='', /)") { args in
                let spec = try Arg.string(args["format_spec"], "format() argument 2 must be str, not \(args["format_spec"].typeName)")
                return .str(try Formatting.format(args["value"], spec: spec))
            },
            PyBuiltin("chr(i, /)") { args in
                let code = try Arg.integer(args["i"])
                guard let small = Int32(exactly: code) else { throw PyError.overflow("Python int too large to convert to C int") }
                guard (0...0x10FFFF).contains(small) else { throw PyError.value("chr() arg not in range(0x110000)") }
                guard let scalar = Unicode.Scalar(UInt32(small)) else {
                    // Swift strings cannot hold a lone surrogate, which CPython allows.
                    throw PyError.value("chr() arg is a surrogate code point, which grad strings cannot hold")
                }
                return .str(PyStr.single(scalar))
            },
            PyBuiltin("ord(c, /)", one: { c, _ in
                guard case .str(let s) = c else {
                    throw PyError.type("ord() expected string of length 1, but \(c.typeName) found")
                }
                guard s.count == 1 else {
                    throw PyError.type("ord() expected a character, but string of length \(s.count) found")
                }
                return .int(Int(s.scalar(at: 0).value))
            }),
            PyBuiltin("hex(number, /)") { args in .str(try radixText(args["number"], 16, "0x")) },
            PyBuiltin("oct(number, /)") { args in .str(try radixText(args["number"], 8, "0o")) },
            PyBuiltin("bin(number, /)") { args in .str(try radixText(args["number"], 2, "0b")) },
        ]
    }

    private static func separator(_ v: Value, _ name: String, default fallback: String) throws -> String {
        switch v {
        case .none: return fallback
        case .str(let s): return s.string
        default: throw PyError.type("\(name) must be None or a string, not \(v.typeName)")
        }
    }

    private static func radixText(_ v: Value, _ radix: Int, _ prefix: String) throws -> String {
        let n = try Arg.integer(v)
        return (n.signum() < 0 ? "-" : "") + prefix + String(n.magnitude, radix: radix)
    }

    /// `ascii(x)`: the repr with every non-ASCII character escaped.
    static func ascii(_ v: Value) throws -> String {
        var out = ""
        for scalar in try Repr.checkedRepr(v).unicodeScalars {
            let code = scalar.value
            if code < 0x80 { out.unicodeScalars.append(scalar); continue }
            let (marker, width) = code <= 0xff ? ("x", 2) : code <= 0xffff ? ("u", 4) : ("U", 8)
            let digits = String(code, radix: 16)
            out += "\\" + marker + String(repeating: "0", count: width - digits.count) + digits
        }
        return out
    }
}
