import GradTensor

/// numpy's dtypes as grad holds them: the tensor dtypes float64, float32, int64 and bool, their
/// names, and the `dtype('float64')` objects arrays report (the scalar types are NumpyScalarSource's).
enum NumpyDTypes {
    /// `float64`, `int64`, `bool`.
    static func name(_ dtype: DType) -> String { dtype.shortName }

    /// The dtype a `dtype=` argument names: a dtype object, a scalar type (`np.float32`),
    /// Python's `float`/`int`/`bool`, or a string (`'float32'`, `'f8'`, `'int'`).
    static func parse(_ v: Value) throws -> DType {
        switch v {
        case .object(let d as NumpyDType): return d.dtype
        case .object(let c as PyClass) where NumpyScalarTypes.classes.values.contains { $0 === c }:
            return NumpyScalarTypes.classes.first { $0.value === c }?.key ?? .float64
        case .object(let t as PyTypeObject):
            switch t.name {
            case "float": return .float64
            case "int": return .int64
            case "bool": return .bool
            default: throw PyError.type("Cannot interpret '\(t.qualifiedName == t.name ? "<class '\(t.name)'>" : "<class '\(t.qualifiedName)'>")' as a data type")
            }
        case .str(let s):
            let aliases: [String: DType] = [
                "float64": .float64, "f8": .float64, "float": .float64, "double": .float64, "d": .float64,
                "float32": .float32, "f4": .float32, "single": .float32, "f": .float32,
                "int64": .int64, "i8": .int64, "int": .int64, "long": .int64, "l": .int64,
                "bool": .bool, "?": .bool, "b1": .bool,
            ]
            if let d = aliases[s.string] { return d }
            throw PyError.type("data type '\(s.string)' not understood")
        default:
            throw PyError.type("Cannot interpret '\(Repr.str(v))' as a data type")
        }
    }

    /// `dtype=None` or a dtype.
    static func optional(_ v: Value) throws -> DType? { v.isNone ? nil : try parse(v) }
}

/// `a.dtype`: prints as `dtype('float64')`, and equals its scalar type and its name.
final class NumpyDType: PyOperandObject, PyCustomRepr, PyCustomStr, PyAttributeProviding {
    let dtype: DType
    init(_ dtype: DType) { self.dtype = dtype }
    override var typeName: String { "numpy.dtype" }
    var reprText: String { "dtype('\(NumpyDTypes.name(dtype))')" }
    var strText: String { NumpyDTypes.name(dtype) }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "name": return .str(NumpyDTypes.name(dtype))
        case "itemsize": return .int(dtype.itemSize)
        case "kind": return .str(dtype == .bool ? "b" : dtype.isFloatingPoint ? "f" : "i")
        default: return nil
        }
    }

    override func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .eq || op == .ne else { return nil }
        let same = (try? NumpyDTypes.parse(other)) == dtype
        return .bool(op == .eq ? same : !same)
    }
}

/// Elements as Python numbers (`item()`, `tolist()`; numpy scalars, NumpyScalarTypes, wrap them).
enum NumpyScalars {
    static func value(_ s: Scalar) -> Value {
        switch s {
        case .double(let d): return .float(d)
        case .int(let i): return .int(Int(i))
        case .bool(let b): return .bool(b)
        }
    }
}
