import BigInt

/// `str.format`: literal text with `{{`/`}}`, replacement fields `{name.attr[key]!conv:spec}` with
/// automatic or manual numbering, and specs that may nest one level of fields; specs are applied
/// by `Formatting.format`. Parsing follows CPython's `unicode_format.h`, errors included.
enum StrFormatMethod {
    static var methods: [PyBuiltin] {
        [
            PyBuiltin("format(self, *args, **kwargs)") { args in
                let keywords = args.varkw("kwargs").map { Value.object($0) }
                var formatter = Formatter(positional: args.varargs("args"), keywords: keywords, interpreter: args.interpreter)
                return .str(try formatter.render(try args.selfString.scalars[...], depth: 2))
            },
            // Names are looked up with `mapping[name]`, so a dict subclass's `__missing__` answers.
            PyBuiltin("format_map(self, mapping, /)") { args in
                var formatter = Formatter(positional: nil, keywords: args["mapping"], interpreter: args.interpreter)
                return .str(try formatter.render(try args.selfString.scalars[...], depth: 2))
            },
        ]
    }

    private enum Numbering { case unset, automatic, manual }

    private struct Formatter {
        /// The positional arguments; nil for `format_map`, which has none.
        let positional: [Value]?
        /// The mapping named fields are read from: `**kwargs`, or `format_map`'s argument.
        let keywords: Value?
        let interpreter: Interpreter
        var numbering = Numbering.unset
        var nextIndex = 0

        init(positional: [Value]?, keywords: Value?, interpreter: Interpreter) {
            self.positional = positional
            self.keywords = keywords
            self.interpreter = interpreter
        }

        mutating func render(_ text: ArraySlice<Unicode.Scalar>, depth: Int) throws -> String {
            if depth <= 0 { throw PyError.value("Max string recursion exceeded") }
            var out = String.UnicodeScalarView()
            var rest = text
            while let c = rest.first {
                rest = rest.dropFirst()
                guard c == "{" || c == "}" else { out.append(c); continue }
                if rest.first == c {  // `{{` or `}}`
                    out.append(c)
                    rest = rest.dropFirst()
                    continue
                }
                if c == "}" { throw PyError.value("Single '}' encountered in format string") }
                if rest.isEmpty { throw PyError.value("Single '{' encountered in format string") }
                let field = try Field(parsing: &rest)
                var value = try resolve(field.name)
                switch field.conversion {
                case nil: break
                case "r": value = .str(try Repr.checkedRepr(value))
                case "s": value = .str(try Repr.checkedStr(value))
                case "a": value = .str(try TextFunctions.ascii(value))
                case let other?: throw PyError.value("Unknown conversion specifier \(Character(other))")
                }
                let spec = field.specNeedsExpanding ? try render(field.spec, depth: depth - 1) : String(scalars: field.spec)
                out.append(contentsOf: try Formatting.format(value, spec: spec).unicodeScalars)
            }
            return String(out)
        }

        /// Looks up `first.attr[key]...`.
        private mutating func resolve(_ name: ArraySlice<Unicode.Scalar>) throws -> Value {
            let firstEnd = name.firstIndex { $0 == "." || $0 == "[" } ?? name.endIndex
            let first = name[..<firstEnd]
            var value: Value
            if first.isEmpty || first.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }) {
                let index = try position(first)
                guard let positional else { throw PyError.value("Format string contains positional fields") }
                guard index < positional.count else {
                    throw PyError.index("Replacement index \(index) out of range for positional args tuple")
                }
                value = positional[index]
            } else {
                let key = Value.str(String(scalars: first))
                guard let keywords else { throw PyError.key(key) }
                value = try Subscript.get(keywords, key, interpreter: interpreter)
            }
            var rest = name[firstEnd...]
            while let c = rest.first {
                rest = rest.dropFirst()
                if c == "." {
                    let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                    let attribute = rest[..<end]
                    if attribute.isEmpty { throw PyError.value("Empty attribute in format string") }
                    value = try interpreter.getAttribute(value, String(scalars: attribute))
                    rest = rest[end...]
                } else if c == "[" {
                    guard let close = rest.firstIndex(of: "]") else { throw PyError.value("Missing ']' in format string") }
                    let key = rest[..<close]
                    if key.isEmpty { throw PyError.value("Empty attribute in format string") }
                    value = try FormatFieldItem.item(of: value, key: String(scalars: key))
                    rest = rest[(close + 1)...]
                    if let next = rest.first, next != "." && next != "[" {
                        throw PyError.value("Only '.' or '[' may follow ']' in format field specifier")
                    }
                } else {
                    throw PyError.value("Only '.' or '[' may follow ']' in format field specifier")
                }
            }
            return value
        }

        /// The positional index of a field: the next one when empty (`{}`), else the number written.
        private mutating func position(_ digits: ArraySlice<Unicode.Scalar>) throws -> Int {
            if digits.isEmpty {
                if numbering == .manual {
                    throw PyError.value("cannot switch from manual field specification to automatic field numbering")
                }
                numbering = .automatic
                defer { nextIndex += 1 }
                return nextIndex
            }
            if numbering == .automatic {
                throw PyError.value("cannot switch from automatic field numbering to manual field specification")
            }
            numbering = .manual
            guard digits.count < 19, let index = Int(String(scalars: digits)) else {
                throw PyError.value("Too many decimal digits in format string")
            }
            return index
        }
    }

    /// One replacement field, after its opening `{`.
    private struct Field {
        var name: ArraySlice<Unicode.Scalar>
        var conversion: Unicode.Scalar?
        var spec: ArraySlice<Unicode.Scalar> = []
        var specNeedsExpanding = false

        init(parsing rest: inout ArraySlice<Unicode.Scalar>) throws {
            // The name runs to `}`, `:` or `!`; brackets may hide those characters.
            var i = rest.startIndex
            var terminator: Unicode.Scalar?
            while i < rest.endIndex {
                let c = rest[i]
                i += 1
                if c == "{" { throw PyError.value("unexpected '{' in field name") }
                if c == "[" {
                    while i < rest.endIndex && rest[i] != "]" { i += 1 }
                    continue
                }
                if c == "}" || c == ":" || c == "!" { terminator = c; break }
            }
            name = rest[rest.startIndex..<(terminator == nil ? i : i - 1)]
            rest = rest[i...]
            guard let end = terminator else { throw PyError.value("expected '}' before end of string") }
            if end == "}" { return }
            if end == "!" {
                guard let conv = rest.first else {
                    throw PyError.value("end of string while looking for conversion specifier")
                }
                conversion = conv
                rest = rest.dropFirst()
                if let next = rest.first {
                    rest = rest.dropFirst()
                    if next == "}" { return }
                    if next != ":" { throw PyError.value("expected ':' after conversion specifier") }
                }
            }
            // The spec runs to the matching `}`, counting nested fields.
            var depth = 1
            var j = rest.startIndex
            while j < rest.endIndex {
                let c = rest[j]
                j += 1
                if c == "{" { specNeedsExpanding = true; depth += 1 }
                if c == "}" {
                    depth -= 1
                    if depth == 0 {
                        spec = rest[rest.startIndex..<(j - 1)]
                        rest = rest[j...]
                        return
                    }
                }
            }
            throw PyError.value("unmatched '{' in format spec")
        }
    }
}

/// `value[key]` inside a format field, where a key of digits is an int and anything else a str.
enum FormatFieldItem {
    static func item(of value: Value, key: String) throws -> Value {
        let index: Value = key.allSatisfy({ $0.isASCII && $0.isNumber }) && key.count < 19 ? .int(Int(key) ?? 0) : .str(key)
        switch value {
        case .object(let d as PyDict):
            guard let v = try d.get(index) else { throw PyError.key(index) }
            return v
        case .object(let l as PyList): return try element(l.items, index, "list")
        case .object(let t as PyTuple): return try element(t.items, index, "tuple")
        case .str(let s):
            guard case .int(let i) = index else { throw PyError.type("string indices must be integers, not 'str'") }
            let scalars = s.scalars
            guard i < scalars.count else { throw PyError.index("string index out of range") }
            return .str(String(scalars[i]))
        default:
            throw PyError.type("'\(value.typeName)' object is not subscriptable")
        }
    }

    private static func element(_ items: [Value], _ index: Value, _ type: String) throws -> Value {
        guard case .int(let i) = index else { throw PyError.type("\(type) indices must be integers or slices, not str") }
        guard i < items.count else { throw PyError.index("\(type) index out of range") }
        return items[i]
    }
}
