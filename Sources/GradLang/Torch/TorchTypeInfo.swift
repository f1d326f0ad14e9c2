import GradTensor
#if canImport(Glibc)
import Glibc
#endif

/// `torch.finfo(dtype)` and `torch.iinfo(dtype)`: a dtype's numerical limits, as attributes and
/// in PyTorch's repr (C++ stream formatting, that is `%g`).
final class PyTypeInfo: PyObject, PyCustomRepr, PyAttributeProviding {
    let dtype: DType
    /// The attributes in the order the repr lists them (`bits` is not shown).
    let shown: [(name: String, value: Value)]
    let bits: Int

    private init(dtype: DType, shown: [(String, Value)]) {
        self.dtype = dtype
        self.shown = shown
        self.bits = dtype.itemSize * 8
    }

    var isFloat: Bool { dtype.isFloatingPoint }
    override var typeName: String { isFloat ? "torch.finfo" : "torch.iinfo" }

    var reprText: String {
        let fields = shown.map { name, value -> String in
            let number: Double = if case .int(let i) = value { Double(i) } else if case .float(let d) = value { d } else { .nan }
            return "\(name)=" + PythonFloatText.printf(number, conversion: "g", digits: 6)
        }
        return "\(isFloat ? "finfo" : "iinfo")(\(fields.joined(separator: ", ")), dtype=\(dtype.shortName))"
    }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "bits": return .int(bits)
        case "dtype": return .str(dtype.shortName)
        default: return shown.first { $0.name == name }?.value
        }
    }

    /// One object per dtype, built on first use.
    static func float(_ dtype: DType) -> PyTypeInfo {
        let (eps, largest, smallestNormal): (Double, Double, Double)
        switch dtype {
        case .float16: (eps, largest, smallestNormal) = (0x1p-10, 65504, 0x1p-14)
        case .bfloat16: (eps, largest, smallestNormal) = (0x1p-7, 0x1.FEp127, 0x1p-126)
        case .float64: (eps, largest, smallestNormal) = (.ulpOfOne, .greatestFiniteMagnitude, .leastNormalMagnitude)
        default: (eps, largest, smallestNormal) = (Double(Float.ulpOfOne), Double(Float.greatestFiniteMagnitude), Double(Float.leastNormalMagnitude))
        }
        // The decimal digits the format keeps, as numpy and PyTorch define resolution.
        let resolution = Glibc.pow(10, -Glibc.floor(-Glibc.log10(eps)))
        return PyTypeInfo(dtype: dtype, shown: [
            ("resolution", .float(resolution)), ("min", .float(-largest)), ("max", .float(largest)), ("eps", .float(eps)),
            ("smallest_normal", .float(smallestNormal)), ("tiny", .float(smallestNormal)),
        ])
    }

    static func integer(_ dtype: DType, range: ClosedRange<Int64>) -> PyTypeInfo {
        PyTypeInfo(dtype: dtype, shown: [("min", .int(Int(range.lowerBound))), ("max", .int(Int(range.upperBound)))])
    }
}

enum TorchTypeInfo {
    nonisolated(unsafe) private static let floats = Dictionary(uniqueKeysWithValues: DType.allCases.filter(\.isFloatingPoint).map { ($0, PyTypeInfo.float($0)) })
    nonisolated(unsafe) private static let integers = Dictionary(uniqueKeysWithValues: DType.allCases.compactMap { dtype in
        dtype.integerRange.map { (dtype, PyTypeInfo.integer(dtype, range: $0)) }
    })

    nonisolated(unsafe) static let finfo = PyTypeObject(
        name: "finfo", qualifiedName: "torch.finfo",
        constructor: PyBuiltin("finfo(type=<unset>)", style: .torch) { args in
            let dtype = args.given("type") == nil ? DType.defaultFloat : try requiredDType(args)
            guard let info = floats[dtype] else {
                throw PyError.type("torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'")
            }
            return .object(info)
        },
        matches: { v in if case .object(let o as PyTypeInfo) = v { return o.isFloat } else { return false } })

    nonisolated(unsafe) static let iinfo = PyTypeObject(
        name: "iinfo", qualifiedName: "torch.iinfo",
        constructor: PyBuiltin("iinfo(type)", style: .torch) { args in
            let dtype = try requiredDType(args)
            if dtype == .bool { throw PyError.type("torch.bool is not supported by torch.iinfo") }
            guard let info = integers[dtype] else {
                throw PyError.type("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
            }
            return .object(info)
        },
        matches: { v in if case .object(let o as PyTypeInfo) = v { return !o.isFloat } else { return false } })

    /// `type`: a torch.dtype, or Python's `float`/`int`/`bool`.
    private static func requiredDType(_ args: BoundArguments) throws -> DType {
        if !args["type"].isNone, let dtype = try? args.dtype("type") { return dtype }
        throw args.mismatch("type", expected: "torch.dtype", got: args["type"])
    }
}
