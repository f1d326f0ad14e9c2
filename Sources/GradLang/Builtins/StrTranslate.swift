/// `str.maketrans`, `str.translate` and `str.expandtabs`: rewriting a string character by
/// character, by a table or by tab stops.
enum StrTranslate {
    static var methods: [PyBuiltin] {
        [
            PyBuiltin("str.translate(self, table, /)") { args in
                .str(try translate(try args.selfString, by: args["table"], args.interpreter))
            },
            PyBuiltin("expandtabs(self, tabsize=8)") { args in
                let text = Array(try args.selfString.unicodeScalars)
                return .str(String(String.UnicodeScalarView(try expandTabs(text, tabSize: try Arg.size(args["tabsize"]), space: " ",
                                                                           isTab: { $0 == "\t" }, isLineEnd: { $0 == "\n" || $0 == "\r" }))))
            },
            maketrans("str.maketrans(self, x, y=<unset>, z=<unset>, /)"),
        ]
    }

    /// Reached through the type object: `str.maketrans(...)` is a static method.
    static var staticMaketrans: PyBuiltin { maketrans("maketrans(x, y=<unset>, z=<unset>, /)") }

    private static func maketrans(_ signature: String) -> PyBuiltin {
        PyBuiltin(signature) { args in
            let table = PyDict()
            guard let y = args.given("y") else {
                guard case .object(let mapping as PyDict) = args["x"] else {
                    throw PyError.type("if you give only one argument to maketrans it must be a dict")
                }
                for (key, value) in mapping.entries {
                    switch key {
                    case .int, .bigInt, .bool: try table.set(key, value)
                    case .str(let s):
                        let scalars = s.string.unicodeScalars
                        guard scalars.count == 1, let only = scalars.first else {
                            throw PyError.value("string keys in translate table must be of length 1")
                        }
                        try table.set(.int(Int(only.value)), value)
                    default: throw PyError.type("keys in translate table must be strings or integers")
                    }
                }
                return .object(table)
            }
            // The second and third are checked first, as CPython's argument parser types them.
            let to = try Arg.string(y, "maketrans() argument 2 must be str, not \(y.typeName)").unicodeScalars
            let deleted = try args.given("z").map { z in
                try Arg.string(z, "maketrans() argument 3 must be str, not \(z.typeName)").unicodeScalars
            }
            let from = try Arg.string(args["x"], "first maketrans argument must be a string if there is a second argument").unicodeScalars
            guard from.count == to.count else {
                throw PyError.value("the first two maketrans arguments must have equal length")
            }
            for (a, b) in zip(from, to) { try table.set(.int(Int(a.value)), .int(Int(b.value))) }
            for c in deleted ?? "".unicodeScalars { try table.set(.int(Int(c.value)), .none) }
            return .object(table)
        }
    }

    /// Each character looked up as `table[ord(c)]`: a LookupError keeps it, None deletes it, an
    /// int or a str replaces it.
    private static func translate(_ text: String, by table: Value, _ interpreter: Interpreter) throws -> String {
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            let replacement: Value
            do {
                replacement = try Subscript.get(table, .int(Int(c.value)), interpreter: interpreter)
            } catch let error as PyError where error.type.isSubclass(of: PyExc.lookupError) {
                out.append(c)
                continue
            }
            switch replacement {
            case .none: continue
            case .str(let s): out.append(contentsOf: s.string.unicodeScalars)
            case .int, .bigInt, .bool:
                guard let code = Int(exactly: try Arg.integer(replacement)), (0..<0x110000).contains(code) else {
                    throw PyError.value("character mapping must be in range(0x110000)")
                }
                // A lone surrogate has no place in a Swift string; CPython keeps it.
                out.append(Unicode.Scalar(UInt32(code)) ?? "\u{FFFD}")
            default: throw PyError.type("character mapping must return integer, None or str")
            }
        }
        return String(out)
    }

    /// Tabs replaced by spaces up to the next multiple of `tabSize` columns, counted from the
    /// last line break (`\n` or `\r`); a size of 0 or less removes them.
    /// Tabs replaced by spaces to the next multiple of `tabSize` columns, counted from the last
    /// line end: over code points (str) or bytes alike.
    static func expandTabs<Element>(_ text: [Element], tabSize: Int, space: Element, isTab: (Element) -> Bool,
                                    isLineEnd: (Element) -> Bool) throws -> [Element] {
        var out: [Element] = [], column = 0
        for c in text {
            if isTab(c) {
                guard tabSize > 0 else { continue }
                let spaces = tabSize - column % tabSize
                try Arg.checkLength(out.count + spaces)
                out.append(contentsOf: repeatElement(space, count: spaces))
                column += spaces
            } else {
                out.append(c)
                column = isLineEnd(c) ? 0 : column + 1
            }
        }
        return out
    }
}
