/// `complex(real, imag)`, `complex(text)`, and reading a value as a complex number the way
/// CPython's C functions do (`__complex__`, then `__float__` or `__index__`).
enum ComplexConstructor {
    nonisolated(unsafe) static let constructor = PyBuiltin("complex(real=<unset>, imag=<unset>)", style: .clinic) { args in
        let real = args.given("real") ?? .int(0), imag = args.given("imag")
        if real.isComplex, imag == nil { return real }
        if case .str(let text) = NativeBases.scalar(real) ?? real {
            if imag != nil { throw PyError.type("complex() can't take second arg if first is a string") }
            return .object(PyComplex(try parse(text.string, shown: real)))
        }
        if let imag, case .str = NativeBases.scalar(imag) ?? imag { throw PyError.type("complex() second arg can't be a string") }
        let interpreter = args.interpreter
        let special = try complexMethod(real, interpreter)
        guard special != nil || isNumber(real) else {
            throw PyError.type("complex() first argument must be a string or a number, not '\(real.typeName)'")
        }
        if let imag, !isNumber(imag) {
            throw PyError.type("complex() second argument must be a number, not '\(imag.typeName)'")
        }
        // CPython's sum real + imag*1j, taken part by part, so that complex parts of either
        // argument land where they belong (complex(1j, 1j) is -1+1j).
        // A real part's own imaginary part is added only when it has one: 0.0 + -0.0 is 0.0.
        let complexReal = special ?? complexParts(real)
        var result = try complexReal ?? Complex(real: double(real, interpreter), imag: 0)
        if let imag {
            let imagPart = try complexParts(imag) ?? Complex(real: double(imag, interpreter), imag: 0)
            result.real -= imagPart.imag
            result.imag = complexReal == nil ? imagPart.real : imagPart.real + result.imag
        }
        return .object(PyComplex(result))
    }

    /// Whether `complex()` takes `v` as a number: a complex, int, bool, float (or an instance of
    /// a subclass), a one-element tensor, or an instance whose class defines `__float__` or
    /// `__index__`.
    private static func isNumber(_ v: Value) -> Bool {
        let value = NativeBases.scalar(v) ?? v
        switch value {
        case .int, .bigInt, .bool, .float, .tensor: return true
        default:
            if complexParts(v) != nil { return true }
            guard let instance = v.instance else { return false }
            return instance.cls.lookup("__float__") != nil || instance.cls.lookup("__index__") != nil
        }
    }

    /// The value of a complex, or of an instance of a class extending complex.
    private static func complexParts(_ v: Value) -> Complex? {
        if let z = v.complexValue { return z }
        if case .object(let i as PyInstance) = v, let z = i.native as? PyComplex { return z.value }
        return nil
    }

    /// `v.__complex__()` when v's class defines it; it must return a complex.
    private static func complexMethod(_ v: Value, _ interpreter: Interpreter) throws -> Complex? {
        guard let result = try callSpecial(v, "__complex__", interpreter) else { return nil }
        guard let z = result.complexValue else {
            throw PyError.type("__complex__ returned non-complex (type \(result.typeName))")
        }
        return z
    }

    /// A real number, by `__float__` (which must return a float) or `__index__` for an instance
    /// (CPython's `PyFloat_AsDouble`): `must be real number, not str` otherwise.
    static func double(_ v: Value, _ interpreter: Interpreter) throws -> Double {
        if let instance = v.instance, NativeBases.scalar(v) == nil {
            if let result = try callSpecial(v, "__float__", interpreter) {
                guard case .float(let d) = result else {
                    throw PyError.type("\(instance.typeName).__float__ returned non-float (type \(result.typeName))")
                }
                return d
            }
            if let result = try callSpecial(v, "__index__", interpreter) {
                guard let integer = try? Arg.integer(result) else {
                    throw PyError.type("__index__ returned non-int (type \(result.typeName))")
                }
                return try IntToFloat.double(integer)
            }
        }
        return try Arg.real(v)
    }

    /// `v` as a complex number for a function of `cmath` (`PyComplex_AsCComplex`).
    static func complex(_ v: Value, _ interpreter: Interpreter) throws -> Complex {
        // A complex subclass's value is read before any `__complex__`, as CPython does.
        if let z = complexParts(v) { return z }
        if let z = try complexMethod(v, interpreter) { return z }
        return Complex(real: try double(v, interpreter), imag: 0)
    }

    /// `v.name()` when `v` is an instance whose class defines `name`.
    private static func callSpecial(_ v: Value, _ name: String, _ interpreter: Interpreter) throws -> Value? {
        guard let instance = v.instance, let method = instance.cls.lookup(name) else { return nil }
        return try interpreter.call(try ClassAttributes.bind(method, to: v, interpreter), Arguments([]))
    }

    // MARK: text

    /// `complex(text)`: a real part, an imaginary part (`3j`), or both (`1-2j`), each any
    /// float `float()` reads (`inf`, `nan`, exponents), optionally in parentheses, with spaces
    /// around; `j` alone, `+j` and `1-j` mean a unit imaginary part. Underscores may only sit
    /// between digits.
    static func parse(_ text: String, shown: Value) throws -> Complex {
        var chars = TextToNumber.asciiDigits(Array(text)).map { $0.unicodeScalars.count == 1 && $0.unicodeScalars.first?.isPythonWhitespace == true ? " " : $0 }
        if chars.contains("_") {
            guard let cleaned = withoutUnderscores(chars) else {
                throw PyError.value("could not convert string to complex: \(Repr.repr(shown))")
            }
            chars = cleaned
        }
        guard let z = parseParts(chars) else { throw PyError.value("complex() arg is a malformed string") }
        return z
    }

    /// The text with its underscores taken out, nil when one does not stand between two digits.
    private static func withoutUnderscores(_ chars: [Character]) -> [Character]? {
        var out: [Character] = []
        var previous: Character = " "
        for c in chars {
            if c == "_" {
                if !isDigit(previous) { return nil }
            } else {
                if previous == "_" && !isDigit(c) { return nil }
                out.append(c)
            }
            previous = c
        }
        return previous == "_" ? nil : out
    }

    private static func isDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" }

    /// `[(] [float] [signed float or sign] [j] [)]` with spaces around, as CPython reads it.
    private static func parseParts(_ s: [Character]) -> Complex? {
        var i = 0
        func skipSpaces() { while i < s.count && s[i] == " " { i += 1 } }
        func isImaginaryUnit() -> Bool { i < s.count && (s[i] == "j" || s[i] == "J") }
        skipSpaces()
        let bracketed = i < s.count && s[i] == "("
        if bracketed {
            i += 1
            skipSpaces()
        }
        var z = Complex(real: 0, imag: 0)
        if let (first, end) = floatPrefix(s, from: i) {
            i = end
            if i < s.count && (s[i] == "+" || s[i] == "-") {
                z.real = first
                if let (second, afterSecond) = floatPrefix(s, from: i) {
                    z.imag = second
                    i = afterSecond
                } else {
                    z.imag = s[i] == "+" ? 1 : -1
                    i += 1
                }
                guard isImaginaryUnit() else { return nil }
                i += 1
            } else if isImaginaryUnit() {
                z.imag = first
                i += 1
            } else {
                z.real = first
            }
        } else {
            if i < s.count && (s[i] == "+" || s[i] == "-") {
                z.imag = s[i] == "+" ? 1 : -1
                i += 1
            } else {
                z.imag = 1
            }
            guard isImaginaryUnit() else { return nil }
            i += 1
        }
        skipSpaces()
        if bracketed {
            guard i < s.count && s[i] == ")" else { return nil }
            i += 1
            skipSpaces()
        }
        return i == s.count ? z : nil
    }

    /// The longest float written at `start` (a sign, then `inf`, `infinity`, `nan` in any case,
    /// or digits with an optional point and exponent) and where it ends; nil when none is.
    private static func floatPrefix(_ s: [Character], from start: Int) -> (Double, Int)? {
        var i = start
        var negative = false
        if i < s.count && (s[i] == "+" || s[i] == "-") {
            negative = s[i] == "-"
            i += 1
        }
        for (word, value) in [("infinity", Double.infinity), ("inf", .infinity), ("nan", .nan)] {
            let end = i + word.count
            if end <= s.count && String(s[i..<end]).lowercased() == word {
                return (negative ? -value : value, end)
            }
        }
        var digits = 0
        func skipDigits() { while i < s.count && isDigit(s[i]) { i += 1; digits += 1 } }
        skipDigits()
        if i < s.count && s[i] == "." {
            i += 1
            skipDigits()
        }
        guard digits > 0 else { return nil }
        if i < s.count && (s[i] == "e" || s[i] == "E") {
            var j = i + 1
            if j < s.count && (s[j] == "+" || s[j] == "-") { j += 1 }
            let exponentStart = j
            while j < s.count && isDigit(s[j]) { j += 1 }
            if j > exponentStart { i = j }
        }
        guard let value = Double(String(s[start..<i])) else { return nil }
        return (value, i)
    }
}
