import GradTensor

/// numpy's dtypes as grad holds them: the tensor dtypes float64, float32, int64 and bool, their
/// names, the `np.float64`-style scalar types and the `dtype('float64')` objects arrays report.
enum NumpyDTypes {
    static let supported: [DType] = [.float64, .float32, .int64, .bool]

    /// `float64`, `int64`, `bool`.
    static func name(_ dtype: DType) -> String { dtype.shortName }

    /// The dtype a `dtype=` argument names: a dtype object, a scalar type (`np.float32`),
    /// Python's `float`/`int`/`bool`, or a string (`'float32'`, `'f8'`, `'int'`).
    static func parse(_ v: Value) throws -> DType {
        switch v {
        case .object(let d as NumpyDType): return d.dtype
        case .object(let t as PyTypeObject):
            if let d = scalarTypes.first(where: { $0.value === t })?.key { return d }
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

    /// `np.float64` and friends: calling one converts a number (to a Python number: grad has no
    /// numpy scalar types).
    nonisolated(unsafe) static let scalarTypes: [DType: PyTypeObject] = Dictionary(uniqueKeysWithValues: supported.map { dtype in
        (dtype, PyTypeObject(
            name: name(dtype), qualifiedName: "numpy." + name(dtype),
            constructor: PyBuiltin("\(name(dtype))(x=0, /)") { args in
                NumpyScalars.value(try NDArray.coerce(args["x"], dtype: dtype).tensor.element(atFlat: 0))
            },
            matches: { _ in false }))
    })
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

/// Elements handed to Python: numpy would give its scalar types (`np.float64(0.5)`); grad gives
/// Python's numbers, which print the same under `print` and `str`.
enum NumpyScalars {
    static func value(_ s: Scalar) -> Value {
        switch s {
        case .double(let d): return .float(d)
        case .int(let i): return .int(Int(i))
        case .bool(let b): return .bool(b)
        }
    }
}
