import GradTensor

/// Reading values out and changing dtype: `item tolist to float double long bool int type cpu`.
enum TorchConversionBindings {
    /// dtype shorthands: `x.half()` is `x.to(torch.float16)`.
    private static let casts: [(String, DType)] = [
        ("float", .float32), ("double", .float64), ("long", .int64), ("bool", .bool), ("int", .int32),
        ("short", .int16), ("char", .int8), ("byte", .uint8), ("half", .float16), ("bfloat16", .bfloat16),
    ]

    static var methods: [PyBuiltin] {
        casts.map { name, dtype in
            tensorMethodReturningTensor("\(name)(self)") { t, _ in try t.to(dtype) }
        } + [
            tensorMethod("item(self)") { t, _ in Conversions.value(of: try TorchBridge.run { try t.item() }) },
            tensorMethod("tolist(self)") { t, _ in TorchData.value(t.tolist()) },
            tensorMethod("to(self, *args, dtype=None, device=None, copy=False, non_blocking=False, memory_format=None)") { t, args in
                .tensor(try convert(t, args))
            },
            tensorMethod("type(self, dtype=None)") { t, args in
                switch args["dtype"] {
                case .none: return .str(t.dtype.legacyTensorName)
                case .str(let name):
                    guard let dtype = TorchDTypes.dtype(legacyName: name.string) else { throw PyError.value("invalid type: '\(name.string)'") }
                    return .tensor(try TorchBridge.run { try t.to(dtype) })
                case .object(let type as PyTypeObject) where TorchDTypes.dtype(legacyName: type.qualifiedName) != nil:
                    let dtype = TorchDTypes.dtype(legacyName: type.qualifiedName) ?? t.dtype
                    return .tensor(try TorchBridge.run { try t.to(dtype) })
                default:
                    return .tensor(try TorchBridge.run { try t.to(try args.dtype() ?? t.dtype) })
                }
            },
            tensorMethod("cpu(self)") { t, _ in .tensor(t) },
        ]
    }

    /// `to(dtype)`, `to('cpu')`, `to(device, dtype)`, `to(other_tensor)`, `to(dtype=...)`;
    /// `copy=True` always makes a new tensor; `memory_format=` lays the copy out.
    private static func convert(_ t: Tensor, _ args: BoundArguments) throws -> Tensor {
        var dtype = try args.dtype()
        try TorchDevices.check(args["device"])
        for v in args.varargs("args") {
            switch v {
            case .object(let d as PyDType): dtype = d.dtype
            case .tensor(let other): dtype = other.dtype
            case .str, .object(is PyDevice), .int: try TorchDevices.check(v)
            default: throw PyError.type("to() received an invalid combination of arguments - got (\(v.typeName))")
            }
        }
        let (format, copy) = (try args.memoryFormat(default: .preserve), try args.bool("copy"))
        return try TorchBridge.run { try t.to(dtype ?? t.dtype, memoryFormat: format, copy: copy) }
    }
}

/// `device=` arguments: grad computes on the CPU; other devices fail as they do in PyTorch on a
/// machine without a GPU.
enum TorchDevices {
    static func check(_ v: Value) throws {
        let device: PyDevice
        switch v {
        case .none: return
        case .str(let text): device = try PyDevice.parse(text.string)
        case .object(let d as PyDevice): device = d
        case .int: device = PyDevice(type: "cuda")
        default: throw PyError.type("expected a torch.device or a device string, not \(v.typeName)")
        }
        if device.type != "cpu" {
            throw PyError.runtime("Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx")
        }
    }
}
