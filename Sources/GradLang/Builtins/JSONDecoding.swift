/// JSON text to Python values, as CPython's C scanner reads it: the same values (big ints,
/// `1e400` as inf, NaN and the infinities), the same hooks, and a `JSONDecodeError` with the same
/// message at the same position for each mistake. In Swift, for the speed of reading large
/// files; over the text's UTF-8 bytes, positions turned into code points (Python's) only where
/// they are shown.
struct JSONDecoding {
    struct Options {
        /// `JSONDecodeError`, called with (msg, doc, pos) to make each error.
        var errorType: Value
        var objectHook: Value
        var pairsHook: Value
        var parseFloat: Value
        var parseInt: Value
        var parseConstant: Value
        /// Whether control characters inside strings are refused.
        var strict: Bool
    }

    /// The text's UTF-8 bytes: every byte JSON's grammar names is ASCII.
    private let text: [UInt8]
    /// The text as a str, for the errors' `doc`.
    private let document: Value
    private let options: Options
    private let interpreter: Interpreter
    private var depth = 0
    /// CPython counts each level against the recursion limit, from the caller's depth.
    private let maximumDepth: Int

    private init(_ document: PyStr, _ options: Options, _ interpreter: Interpreter) {
        text = Array(document.string.utf8)
        self.document = .str(document)
        self.options = options
        self.interpreter = interpreter
        maximumDepth = interpreter.recursionLimit - interpreter.callDepth
    }

    /// The value `document` holds from `start`, and where it ends. When `whole`, whitespace may
    /// surround it and nothing else may follow ("Extra data").
    static func value(in document: PyStr, from start: Int, whole: Bool, _ options: Options,
                      _ interpreter: Interpreter) throws -> (value: Value, end: Int) {
        var decoding = JSONDecoding(document, options, interpreter)
        let startByte = decoding.byteOffset(ofPosition: start)
        let first = whole ? decoding.skipWhitespace(from: startByte) : startByte
        guard let (value, end) = try decoding.value(at: first) else { throw try decoding.failure("Expecting value", at: first) }
        if whole {
            let rest = decoding.skipWhitespace(from: end)
            if rest != decoding.text.count { throw try decoding.failure("Extra data", at: rest) }
        }
        return (value, decoding.position(ofByte: end))
    }

    /// The code point a byte offset is at (the number of code points before it); an offset past
    /// the end is as far past the last code point (`byteOffset`'s inverse).
    private func position(ofByte offset: Int) -> Int {
        let inside = text[..<min(offset, text.count)].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return inside + max(0, offset - text.count)
    }

    /// The byte offset of the code point at `position`; the end for a position past it.
    private func byteOffset(ofPosition position: Int) -> Int {
        var seen = 0
        for (offset, byte) in text.enumerated() where byte & 0xC0 != 0x80 {
            if seen == position { return offset }
            seen += 1
        }
        return text.count + max(0, position - seen)
    }

    /// The value starting at `i` and the position after it, or nil when none starts there.
    private mutating func value(at i: Int) throws -> (Value, Int)? {
        guard i < text.count else { return nil }
        switch Unicode.Scalar(text[i]) {
        case "\"":
            let (string, end) = try string(from: i + 1)
            return (.str(string), end)
        case "{": return try nested("object") { try $0.object(from: i + 1) }
        case "[": return try nested("array") { try $0.array(from: i + 1) }
        case "n" where starts("null", at: i): return (.none, i + 4)
        case "t" where starts("true", at: i): return (.bool(true), i + 4)
        case "f" where starts("false", at: i): return (.bool(false), i + 5)
        case "N" where starts("NaN", at: i): return (try constant("NaN", .nan), i + 3)
        case "I" where starts("Infinity", at: i): return (try constant("Infinity", .infinity), i + 8)
        case "-" where starts("-Infinity", at: i): return (try constant("-Infinity", -.infinity), i + 9)
        default: return try number(at: i)
        }
    }

    private func starts(_ word: StaticString, at i: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= text.count else { return false }
        return word.withUTF8Buffer { text[i..<(i + count)].elementsEqual($0) }
    }

    private mutating func nested(_ kind: String, _ body: (inout JSONDecoding) throws -> (Value, Int)) throws -> (Value, Int) {
        depth += 1
        defer { depth -= 1 }
        if depth > maximumDepth || LargeStack.stackLeft().map({ $0 < Interpreter.stackKeptFree }) == true {
            throw PyError(PyExc.recursionError, "maximum recursion depth exceeded while decoding a JSON \(kind) from a unicode string")
        }
        return try body(&self)
    }

    private func constant(_ name: String, _ x: Double) throws -> Value {
        if options.parseConstant.isNone { return .float(x) }
        return try interpreter.call(options.parseConstant, Arguments([.str(name)]))
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`: an int unless it has a fraction or an
    /// exponent. A part that does not complete (`1.`, `1e`) is left for the caller to reject.
    private func number(at start: Int) throws -> (Value, Int)? {
        let negative = at(start, "-")
        let digitsStart = negative ? start + 1 : start
        guard digitsStart < text.count, isDigit(text[digitsStart]) else { return nil }
        var i = at(digitsStart, "0") ? digitsStart + 1 : digits(from: digitsStart)
        var isFloat = false
        if at(i, "."), i + 1 < text.count, isDigit(text[i + 1]) {
            i = digits(from: i + 1)
            isFloat = true
        }
        if at(i, "e") || at(i, "E") {
            let k = at(i + 1, "+") || at(i + 1, "-") ? i + 2 : i + 1
            let end = digits(from: k)
            if end > k {
                i = end
                isFloat = true
            }
        }
        let parser = isFloat ? options.parseFloat : options.parseInt
        // 18 digits always fit in an Int: the common int needs no text made.
        if !isFloat, parser.isNone, i - digitsStart <= 18 {
            let magnitude = text[digitsStart..<i].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            return (.int(negative ? -magnitude : magnitude), i)
        }
        let literal = String(decoding: text[start..<i], as: UTF8.self)
        if !parser.isNone { return (try interpreter.call(parser, Arguments([.str(literal)])), i) }
        // Swift's parser for the common floats (the text is known well formed); int()'s and
        // float()'s for the rest, with CPython's limit on long ints.
        if isFloat { return (.float(try Double(literal) ?? TextToNumber.float(literal)), i) }
        return (try TextToNumber.integer(literal, base: 10), i)
    }

    /// Whether the byte at `i` is the ASCII character `c`.
    private func at(_ i: Int, _ c: Unicode.Scalar) -> Bool {
        i < text.count && text[i] == UInt8(ascii: c)
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private func digits(from start: Int) -> Int {
        var i = start
        while i < text.count && isDigit(text[i]) { i += 1 }
        return i
    }

    /// The string whose opening quote is just before `start`, and the position after its closing
    /// one. Runs of plain bytes are copied whole (JSON's escapes and quotes are ASCII, so a run
    /// never splits a character).
    private func string(from start: Int) throws -> (PyStr, Int) {
        var result = ""
        var run = start
        var i = start
        while true {
            guard i < text.count else { throw try failure("Unterminated string starting at", at: start - 1) }
            let byte = text[i]
            if byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                if options.strict && byte < 0x20 { throw try failure("Invalid control character at", at: i) }
                i += 1
                continue
            }
            if run < i { result += String(decoding: text[run..<i], as: UTF8.self) }
            if byte == UInt8(ascii: "\"") { return (PyStr(result), i + 1) }
            i += 1
            guard i < text.count else { throw try failure("Unterminated string starting at", at: start - 1) }
            if text[i] == UInt8(ascii: "u") {
                let (scalar, end) = try escapedCodePoint(at: i)
                result.unicodeScalars.append(scalar)
                i = end
            } else {
                switch Unicode.Scalar(text[i]) {
                case "\"", "\\", "/": result.unicodeScalars.append(Unicode.Scalar(text[i]))
                case "b": result += "\u{08}"
                case "f": result += "\u{0C}"
                case "n": result += "\n"
                case "r": result += "\r"
                case "t": result += "\t"
                default: throw try failure("Invalid \\escape", at: i - 1)
                }
                i += 1
            }
            run = i
        }
    }

    /// The code point of `\uXXXX` whose `u` is at `u` (joined with a following `\uXXXX` when the
    /// two are a surrogate pair), and the position after it.
    private func escapedCodePoint(at u: Int) throws -> (Unicode.Scalar, Int) {
        var code = try hexQuad(at: u)
        var end = u + 5
        if (0xD800...0xDBFF).contains(code), at(end, "\\"), at(end + 1, "u") {
            let low = try hexQuad(at: end + 1)
            if (0xDC00...0xDFFF).contains(low) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                end += 6
            }
        }
        guard let scalar = Unicode.Scalar(code) else {
            // CPython keeps a lone surrogate in the str; grad's strings cannot hold one.
            throw PyError.value("JSON text holds a lone surrogate, which grad strings cannot hold: \\u\(String(code, radix: 16))")
        }
        return (scalar, end)
    }

    /// The four hex digits after the `u` at `u`. CPython wants a character after them too (the
    /// string's closing quote at least).
    private func hexQuad(at u: Int) throws -> UInt32 {
        guard u + 5 < text.count else { throw try failure("Invalid \\uXXXX escape", at: u) }
        var code: UInt32 = 0
        for byte in text[(u + 1)...(u + 4)] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw try failure("Invalid \\uXXXX escape", at: u)
            }
            code = code << 4 | UInt32(digit)
        }
        return code
    }

    /// The object whose `{` is just before `start`, as a dict or what the hooks make of it.
    private mutating func object(from start: Int) throws -> (Value, Int) {
        var pairs: [(Value, Value)] = []
        var i = skipWhitespace(from: start)
        if at(i, "}") { return (try madeObject(pairs), i + 1) }
        while true {
            guard at(i, "\"") else {
                throw try failure("Expecting property name enclosed in double quotes", at: i)
            }
            let (key, afterKey) = try string(from: i + 1)
            i = skipWhitespace(from: afterKey)
            guard at(i, ":") else { throw try failure("Expecting ':' delimiter", at: i) }
            i = skipWhitespace(from: i + 1)
            guard let (item, afterItem) = try value(at: i) else { throw try failure("Expecting value", at: i) }
            pairs.append((.str(key), item))
            i = skipWhitespace(from: afterItem)
            if at(i, "}") { return (try madeObject(pairs), i + 1) }
            guard at(i, ",") else { throw try failure("Expecting ',' delimiter", at: i) }
            i = skipWhitespace(from: i + 1)
        }
    }

    private func madeObject(_ pairs: [(Value, Value)]) throws -> Value {
        if !options.pairsHook.isNone {
            let list = PyList(pairs.map { .object(PyTuple([$0.0, $0.1])) })
            return try interpreter.call(options.pairsHook, Arguments([.object(list)]))
        }
        let dict = PyDict()
        for (key, item) in pairs { try dict.set(key, item) }
        if options.objectHook.isNone { return .object(dict) }
        return try interpreter.call(options.objectHook, Arguments([.object(dict)]))
    }

    /// The array whose `[` is just before `start`, as a list.
    private mutating func array(from start: Int) throws -> (Value, Int) {
        var items: [Value] = []
        var i = skipWhitespace(from: start)
        if at(i, "]") { return (.object(PyList(items)), i + 1) }
        while true {
            guard let (item, end) = try value(at: i) else { throw try failure("Expecting value", at: i) }
            items.append(item)
            i = skipWhitespace(from: end)
            if at(i, "]") { return (.object(PyList(items)), i + 1) }
            guard at(i, ",") else { throw try failure("Expecting ',' delimiter", at: i) }
            i = skipWhitespace(from: i + 1)
        }
    }

    private func skipWhitespace(from start: Int) -> Int {
        var i = start
        while at(i, " ") || at(i, "\t") || at(i, "\n") || at(i, "\r") { i += 1 }
        return i
    }

    /// `JSONDecodeError(message, doc, position)` for the byte at `offset`, ready to throw.
    private func failure(_ message: String, at offset: Int) throws -> PyError {
        let error = try interpreter.call(options.errorType, Arguments([.str(message), document, .int(position(ofByte: offset))]))
        return try Compiler.exception(from: error, interpreter)
    }
}
