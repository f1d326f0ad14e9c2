/// Python values to JSON text, as CPython's C encoder writes them: floats by `float.__repr__`
/// (NaN and the infinities as JavaScript names them), tuples as arrays, dict keys made strings,
/// anything else handed to `default`. In Swift, not Python: `json.dumps` of a large list is the
/// common call, and a walk in grad's Python would cost tens of times CPython's.
struct JSONEncoding {
    struct Options {
        /// The text of one level of indentation; nil for everything on one line.
        var indent: String?
        var itemSeparator: String
        var keySeparator: String
        var sortKeys: Bool
        var skipKeys: Bool
        var ensureASCII: Bool
        var allowNaN: Bool
        var checkCircular: Bool
        /// Called with a value of no JSON type; its result is written instead.
        var fallback: Value
    }

    private let options: Options
    private let interpreter: Interpreter
    private var output: [UInt8] = []
    /// The containers being written, for "Circular reference detected".
    private var open = Set<ObjectIdentifier>()
    private var depth = 0
    /// CPython counts each level against the recursion limit, from the caller's depth.
    private let maximumDepth: Int

    init(_ options: Options, _ interpreter: Interpreter) {
        self.options = options
        self.interpreter = interpreter
        maximumDepth = interpreter.recursionLimit - interpreter.callDepth
    }

    /// The JSON text of `value`. When it fails, `partial` is given the text written before the
    /// value that failed: what `json.dump` has written to its file by then.
    static func text(of value: Value, _ options: Options, _ interpreter: Interpreter,
                     partial: (String) throws -> Void) throws -> String {
        var encoding = JSONEncoding(options, interpreter)
        do {
            try encoding.write(value, level: 0)
        } catch {
            try partial(String(decoding: encoding.output, as: UTF8.self))
            throw error
        }
        return String(decoding: encoding.output, as: UTF8.self)
    }

    private mutating func write(_ value: Value, level: Int) throws {
        switch value {
        case .none: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let n): append(String(n))
        case .bigInt(let b): append(try Repr.decimal(b))
        case .float(let x): append(try floatText(x))
        case .str(let s): writeString(s.string)
        case .object(let list as PyList): try writeArray(list, list.values, level: level)
        case .object(let tuple as PyTuple): try writeArray(tuple, tuple.items, level: level)
        case .object(let dict as PyDict): try writeObject(dict, level: level)
        default:
            if let contents = JSONEncoding.builtinContents(of: value) { return try write(contents, level: level) }
            try writeConverted(value, level: level)
        }
    }

    /// What an instance of a class extending str, int, float, list, tuple or dict holds, written
    /// as that type is (an IntEnum member is its number).
    private static func builtinContents(of value: Value) -> Value? {
        if let scalar = NativeBases.scalar(value) { return scalar }
        guard case .object(let instance as PyInstance) = value, let contents = instance.contents else { return nil }
        switch contents {
        case .object(is PyList), .object(is PyTuple), .object(is PyDict): return contents
        default: return nil
        }
    }

    /// A value of no JSON type, written as what `default` returns for it.
    private mutating func writeConverted(_ value: Value, level: Int) throws {
        let id = try enter(value)
        let converted = try interpreter.call(options.fallback, Arguments([value]))
        try write(converted, level: level)
        leave(id)
    }

    private mutating func writeArray(_ container: PyObject, _ items: [Value], level: Int) throws {
        if items.isEmpty { return append("[]") }
        let id = try enter(.object(container))
        append("[")
        let separator = openLevel(level + 1)
        for (i, item) in items.enumerated() {
            if i > 0 { append(separator) }
            try write(item, level: level + 1)
        }
        closeLevel(level)
        append("]")
        leave(id)
    }

    private mutating func writeObject(_ dict: PyDict, level: Int) throws {
        var entries = dict.entries
        if entries.isEmpty { return append("{}") }
        let id = try enter(.object(dict))
        if options.sortKeys { entries = try JSONEncoding.sortedByKey(entries) }
        append("{")
        let separator = openLevel(level + 1)
        var first = true
        for (key, value) in entries {
            guard let name = try keyText(key) else { continue }
            if !first { append(separator) }
            first = false
            writeString(name)
            append(options.keySeparator)
            try write(value, level: level + 1)
        }
        closeLevel(level)
        append("}")
        leave(id)
    }

    /// Sorted by key with `<`, as CPython sorts a dict's items (a key of another type raises).
    private static func sortedByKey(_ entries: [(key: Value, value: Value)]) throws -> [(key: Value, value: Value)] {
        var timsort = TimSort(count: entries.count) { a, b in
            try Operators.truthy(Operators.compare(.lt, entries[a].key, entries[b].key))
        }
        try timsort.run(reverse: false)
        return timsort.order.map { entries[$0] }
    }

    /// A key as the string JSON names it by, or nil for a key `skipkeys` leaves out.
    private func keyText(_ key: Value) throws -> String? {
        switch NativeBases.scalar(key) ?? key {
        case .str(let s): return s.string
        case .float(let x): return try floatText(x)
        case .bool(let b): return b ? "true" : "false"
        case .none: return "null"
        case .int(let n): return String(n)
        case .bigInt(let b): return try Repr.decimal(b)
        default:
            if options.skipKeys { return nil }
            throw PyError.type("keys must be str, int, float, bool or None, not \(key.typeName)")
        }
    }

    private func floatText(_ x: Double) throws -> String {
        if x.isFinite { return PythonRepr.float(x) }
        guard options.allowNaN else { throw PyError.value("Out of range float values are not JSON compliant") }
        return x.isNaN ? "NaN" : x < 0 ? "-Infinity" : "Infinity"
    }

    /// One level deeper into `value`: RecursionError past the limit, ValueError for a container
    /// already being written. Returns what `leave` takes to step out again.
    private mutating func enter(_ value: Value) throws -> ObjectIdentifier? {
        depth += 1
        if depth > maximumDepth || LargeStack.stackLeft().map({ $0 < Interpreter.stackKeptFree }) == true {
            throw PyError(PyExc.recursionError, "maximum recursion depth exceeded while encoding a JSON object")
        }
        guard options.checkCircular, let id = JSONEncoding.identity(of: value) else { return nil }
        if !open.insert(id).inserted { throw PyError.value("Circular reference detected") }
        return id
    }

    private mutating func leave(_ id: ObjectIdentifier?) {
        depth -= 1
        if let id { open.remove(id) }
    }

    private static func identity(of value: Value) -> ObjectIdentifier? {
        switch value {
        case .object(let o): return ObjectIdentifier(o)
        case .tensor(let t): return ObjectIdentifier(t)
        default: return nil
        }
    }

    /// Starts the items of a container at `level`: the separator to put between them.
    private mutating func openLevel(_ level: Int) -> String {
        guard let indent = options.indent else { return options.itemSeparator }
        let newline = "\n" + String(repeating: indent, count: level)
        append(newline)
        return options.itemSeparator + newline
    }

    private mutating func closeLevel(_ level: Int) {
        guard let indent = options.indent else { return }
        append("\n" + String(repeating: indent, count: level))
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    /// A JSON string: quotes, backslashes and control characters escaped, and with
    /// `ensureASCII` everything past `~` as `\uXXXX` (two of them, a surrogate pair, past U+FFFF).
    private mutating func writeString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": append("\\\"")
            case "\\": append("\\\\")
            case "\n": append("\\n")
            case "\r": append("\\r")
            case "\t": append("\\t")
            case "\u{08}": append("\\b")
            case "\u{0C}": append("\\f")
            default:
                let code = scalar.value
                if code < 0x20 || (options.ensureASCII && code > 0x7E) {
                    if code > 0xFFFF {
                        let offset = code - 0x10000
                        appendEscape(0xD800 + (offset >> 10))
                        appendEscape(0xDC00 + (offset & 0x3FF))
                    } else {
                        appendEscape(code)
                    }
                } else if code < 0x80 {
                    output.append(UInt8(code))
                } else {
                    output.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func appendEscape(_ code: UInt32) {
        output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            output.append(JSONEncoding.hexDigits[Int((code >> UInt32(shift)) & 0xF)])
        }
    }
}
