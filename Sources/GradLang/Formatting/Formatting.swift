import BigInt

/// `format(value, spec)`: dispatches a value to the number or string formatter (f-strings,
/// `str.format`, `format()` and `%` all come here).
public enum Formatting {
    public static func format(_ value: Value, spec: String) throws -> String {
        if let instance = value.instance, let formatted = try SpecialMethods.call(instance, .format, [.str(spec)]) {
            guard case .str(let s) = formatted else {
                throw PyError.type("__format__ must return a str, not \(formatted.typeName)")
            }
            return s.string
        }
        // `float.__format__` and friends: an empty spec gives `str(value)`, which the class may define.
        if let contents = NativeBases.scalar(value) { return spec.isEmpty ? try Repr.checkedStr(value) : try format(contents, spec: spec) }
        if case .object(let i as PyInstance) = value, let z = i.native as? PyComplex {
            return spec.isEmpty ? try Repr.checkedStr(value) : try format(.object(z), spec: spec)
        }
        do {
            let parsed = try FormatSpec(spec)
            // Padding or digits that no one could hold: refused before allocating, as sequences are.
            if parsed.width > Operators.maxSequenceLength { throw PyError.memory("") }
            if let precision = parsed.precision, precision > Operators.maxSequenceLength, precision <= Int32.max,
               value.isRealNumber || value.isComplex, parsed.printsEveryDigitOfPrecision(for: value) {
                throw PyError.memory("")
            }
            switch value {
            case .float(let d): return try PythonFormat.format(d, parsed)
            case .int(let i):
                return try PythonFormat.format(integerDigits: String(i.magnitude), negative: i < 0, parsed) { Double(i.magnitude) }
            case .bigInt(let b):
                // Decimal output is held to CPython's digit limit; hex, octal and binary are not.
                let isDecimal = parsed.type.map { "dn".contains($0) } ?? true
                let magnitude = BigInt(b.magnitude)
                let asFloat = try? IntToFloat.double(magnitude)
                if let type = parsed.type, "eEfFgG%".contains(type), asFloat == nil {
                    throw PyError.overflow("int too large to convert to float")
                }
                let digits = isDecimal ? try Repr.decimal(magnitude) : String(b.magnitude)
                return try PythonFormat.format(integerDigits: digits, negative: b.signum() < 0, parsed) { asFloat ?? .infinity }
            case .bool(let b):
                if spec.isEmpty { return b ? "True" : "False" }
                return try PythonFormat.format(integerDigits: b ? "1" : "0", negative: false, parsed) { b ? 1 : 0 }
            case .str(let s): return try PythonFormat.format(string: s.string, parsed)
            case .object(let z as PyComplex):
                if spec.isEmpty { return z.reprText }
                return try ComplexFormat.format(z.value, parsed)
            case .tensor(let t):
                // 0-dim tensors format like their value (`f"{loss:.4f}"`, `f"{loss}"` too), as in
                // PyTorch's `Tensor.__format__`; others only as their str.
                if t.rank == 0 {
                    return try format(try TorchBridge.run { try Conversions.value(of: t.item()) }, spec: spec)
                }
                if spec.isEmpty { return try Repr.checkedStr(value) }
                throw PyError.type("unsupported format string passed to Tensor.__format__")
            default:
                if spec.isEmpty { return try Repr.checkedStr(value) }
                throw PyError.type("unsupported format string passed to \(value.typeName).__format__")
            }
        } catch let e as FormatError {
            throw PyError.value(e.message.replacingTypePlaceholder(with: value.typeName))
        }
    }
}

extension String {
    func replacingTypePlaceholder(with name: String) -> String {
        var text = self
        if let r = text.firstRange(of: "%TYPE%") { text.replaceSubrange(r, with: name) }
        return text
    }
}
