import GradTensor

/// `torch.float32` and its aliases, and the Python types PyTorch accepts as dtypes.
enum TorchDTypes {
    /// Module attribute names; aliases share one dtype (`torch.float is torch.float32` prints the same).
    static let names: [(String, DType)] = [
        ("float32", .float32), ("float", .float32), ("float64", .float64), ("double", .float64),
        ("int64", .int64), ("long", .int64), ("bool", .bool), ("int32", .int32), ("int", .int32),
        ("int16", .int16), ("short", .int16), ("int8", .int8), ("uint8", .uint8),
        ("float16", .float16), ("half", .float16), ("bfloat16", .bfloat16),
    ]

    /// One object per dtype, so `x.dtype is torch.float32` holds as in PyTorch.
    nonisolated(unsafe) private static let objects = Dictionary(uniqueKeysWithValues: DType.allCases.map { ($0, PyDType($0)) })

    static func object(_ dtype: DType) -> Value {
        .object(objects[dtype] ?? PyDType(dtype))
    }

    /// `dtype=float` means float64, `int` int64, `bool` bool (PyTorch's mapping of Python types).
    static let pythonTypes: [String: DType] = ["float": .float64, "int": .int64, "bool": .bool]

    /// `tensor.type()` names, accepted back by `tensor.type('torch.DoubleTensor')`.
    static func dtype(legacyName: String) -> DType? {
        DType.allCases.first { $0.legacyTensorName == legacyName }
    }
}

/// `torch.device('cpu')`; grad computes on the CPU only.
final class PyDevice: PyObject, PyCustomRepr, PyCustomStr, PyAttributeProviding {
    let type: String
    init(type: String) { self.type = type }

    /// One shared CPU device, so `t.device == torch.device('cpu')` holds by identity.
    nonisolated(unsafe) static let cpu = PyDevice(type: "cpu")

    override var typeName: String { "device" }
    var reprText: String { "device(type='\(type)')" }
    var strText: String { type }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "type": return .str(type)
        case "index": return Value.none
        default: return nil
        }
    }

    /// The device types PyTorch knows, in the order its error message lists them.
    static let knownTypes = ["cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga",
                             "maia", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone"]

    /// `torch.device(text)`: `'cpu'`, `'cuda'`, `'cuda:0'`, ...
    static func parse(_ text: String) throws -> PyDevice {
        let kind = String(text.split(separator: ":", maxSplits: 1).first ?? "")
        guard knownTypes.contains(kind) else {
            throw PyError.runtime("Expected one of \(knownTypes.joined(separator: ", ")) device type at start of device string: \(text)")
        }
        return kind == "cpu" ? cpu : PyDevice(type: kind)
    }
}

/// Type objects: `torch.Tensor`, `torch.Size`, `torch.device`, `torch.dtype`, `torch.autograd.graph.Node`.
enum TorchTypeObjects {
    /// `torch.Tensor`: `isinstance(x, torch.Tensor)`; calling it builds a float32 tensor from data
    /// (`torch.Tensor([1, 2])`) or zeros of a size (`torch.Tensor(2, 3)`; PyTorch leaves those
    /// uninitialised).
    nonisolated(unsafe) static let tensor = PyTypeObject(
        name: "Tensor", qualifiedName: "torch.Tensor",
        constructor: PyBuiltin("Tensor(*args)", style: .torch) { args in .tensor(try construct(args, dtype: .float32)) },
        matches: isTensor)

    /// `torch.Tensor(...)` and the legacy `torch.FloatTensor(...)`: a tensor of `dtype` from data
    /// (a sequence other than a `torch.Size`, or a tensor), else zeros of the sizes given
    /// (PyTorch leaves those uninitialised); no arguments make an empty 1-D tensor.
    static func construct(_ args: BoundArguments, dtype: DType) throws -> Tensor {
        let items = args.varargs("args")
        if items.count == 1, case .tensor(let source) = items[0], source.dtype != dtype {
            throw PyError.type("expected \(tensorOptions(dtype)) (got \(tensorOptions(source.dtype)))")
        }
        if items.count == 1, isTensor(items[0]) || (items[0].sequenceItems != nil && !isTorchSize(items[0])) {
            return try TorchData.tensor(from: items[0], dtype: dtype, copyWarning: nil)
        }
        let size = items.isEmpty ? [0] : try args.size(varargs: "args", required: false)
        if let negative = size.first(where: { $0 < 0 }) {
            throw PyError.runtime("Trying to create tensor with negative dimension \(negative): \(Shape.sizeList(size))")
        }
        return try TorchBridge.run { try Tensor.zeros(size, dtype: dtype) }
    }

    /// How PyTorch's error messages print a CPU tensor's options.
    private static func tensorOptions(_ dtype: DType) -> String {
        "TensorOptions(dtype=\(dtype.cTypeName), device=cpu, layout=Strided, requires_grad=false (default), pinned_memory=false (default), memory_format=(nullopt))"
    }

    private static func isTorchSize(_ v: Value) -> Bool {
        if case .object(let t as PyTuple) = v { return t.kind == .torchSize }
        return false
    }

    /// `torch.Size([2, 3])`: a tuple of ints printed as `torch.Size([2, 3])`.
    nonisolated(unsafe) static let size = PyTypeObject(
        name: "Size", qualifiedName: "torch.Size",
        constructor: PyBuiltin("Size(sizes=None)", style: .torch) { args in
            let items = args["sizes"].isNone ? [] : try Iteration.collect(args["sizes"])
            for (k, item) in items.enumerated() where try item.asTorchInt == nil {
                throw PyError.type("torch.Size() takes an iterable of 'int' (item \(k) is '\(item.typeName)')")
            }
            return .object(PyTuple(items, kind: .torchSize))
        },
        matches: { v in
            if case .object(let t as PyTuple) = v { return t.kind == .torchSize }
            return false
        })

    /// `torch.Size.numel()`: the product of the sizes, wrapping around in 64 bits as PyTorch's does.
    nonisolated(unsafe) static let sizeNumel = PyBuiltin("Size.numel(self, /)", style: .torch) { args in
        guard case .object(let size as PyTuple) = args["self"] else { throw args.mismatch("self", expected: "torch.Size", got: args["self"]) }
        return .int(try size.items.reduce(1) { product, item in product &* (try item.asTorchInt ?? 0) })
    }

    nonisolated(unsafe) static let device = PyTypeObject(
        name: "device", qualifiedName: "torch.device",
        constructor: PyBuiltin("device(type)", style: .torch) { args in
            switch args["type"] {
            case .str(let text): return .object(try PyDevice.parse(text.string))
            case .object(let d as PyDevice): return .object(d)
            case let other: throw PyError.type("device() received an invalid combination of arguments - got (\(other.typeName))")
            }
        },
        matches: { v in if case .object(let o) = v { return o is PyDevice } else { return false } })

    nonisolated(unsafe) static let dtype = PyTypeObject(
        name: "dtype", qualifiedName: "torch.dtype", constructor: nil,
        matches: { v in if case .object(let o) = v { return o is PyDType } else { return false } })

    /// `torch.autograd.graph.Node`: every graph node's type extends it (`isinstance(y.grad_fn,
    /// Node)`); abstract, as in PyTorch.
    nonisolated(unsafe) static let graphNode = PyTypeObject(
        name: "Node", qualifiedName: "torch.autograd.graph.Node",
        constructor: PyBuiltin("Node(*args, **kwargs)", style: .torch) { _ in
            throw PyError.type("Can't instantiate abstract class Node with abstract methods _input_metadata, _register_hook_dict, _sequence_nr, metadata, name, next_functions, register_hook, register_prehook")
        },
        matches: { v in if case .object(let o) = v { return o is PyGradNode || o is PyAccumulateGrad } else { return false } })

    private static func isTensor(_ v: Value) -> Bool {
        if case .tensor = v { return true }
        return false
    }
}
