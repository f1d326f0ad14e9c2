/// Python's `complex`: an immutable pair of doubles. Its operators follow CPython 3.11's: an int,
/// bool or float operand becomes a complex with a zero imaginary part first (OverflowError for
/// an int past the largest float); `//`, `%`, ordering and the bit operators are left to the
/// generic TypeErrors.
final class PyComplex: PyOperandObject, PyCustomRepr {
    let value: Complex

    init(_ value: Complex) { self.value = value }
    convenience init(real: Double, imag: Double) { self.init(Complex(real: real, imag: imag)) }

    override var typeName: String { "complex" }

    /// What a tensor operation given a complex number raises: PyTorch would make a complex
    /// tensor.
    static let noComplexTensors = PyError.type("grad has no complex dtypes: tensors cannot hold complex numbers")
    var reprText: String { ComplexFormat.repr(value) }

    /// `v` as a complex operand: a complex, or a real number; nil for anything else.
    static func operand(_ v: Value) throws -> Complex? {
        if let z = v.complexValue { return z }
        guard v.isRealNumber else { return nil }
        return Complex(real: try v.floatValue(), imag: 0)
    }

    override func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard let o = try PyComplex.operand(other) else { return nil }
        let (a, b) = reflected ? (o, value) : (value, o)
        let result: Complex
        switch op {
        case .add: result = a + b
        case .subtract: result = a - b
        case .multiply: result = a * b
        case .divide:
            do { result = try a.dividedBy(b) } catch { throw PyError.zeroDivision("complex division by zero") }
        case .power:
            do {
                result = try a.power(b)
            } catch .domain {
                throw PyError.zeroDivision("0.0 to a negative or complex power")
            } catch {
                throw PyError.overflow("complex exponentiation")
            }
        case .floorDivide, .modulo, .matrixMultiply, .leftShift, .rightShift, .bitAnd, .bitOr, .bitXor:
            return nil
        }
        return .object(PyComplex(result))
    }

    override func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .eq || op == .ne, let equal = equals(other) else { return nil }
        return .bool(equal == (op == .eq))
    }

    /// `self == other` for a number `other` (an int exactly, as a float compares with it); nil for
    /// any other kind of value.
    func equals(_ other: Value) -> Bool? {
        switch other {
        case .object(let z as PyComplex): return value == z.value
        case .float(let d): return value.real == d && value.imag == 0
        default:
            guard other.isRealNumber else { return nil }
            return value.imag == 0 && Operators.numericCompare(.eq, .float(value.real), other) == true
        }
    }

    override func unary(_ op: UnaryOperator) throws -> Value? {
        switch op {
        case .minus: return .object(PyComplex(-value))
        case .plus: return .object(self)
        case .invert, .not: return nil
        }
    }

    override func absolute() throws -> Value? {
        do { return .float(try value.magnitude()) } catch { throw PyError.overflow("absolute value too large") }
    }

    override func truth() throws -> Bool? { value.real != 0 || value.imag != 0 }
}

extension Value {
    /// The number a complex value holds; nil for any other value.
    var complexValue: Complex? {
        if case .object(let z as PyComplex) = self { return z.value }
        return nil
    }

    var isComplex: Bool { complexValue != nil }
}
