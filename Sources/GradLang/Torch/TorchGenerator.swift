import BigInt
import Foundation
import GradTensor

/// A `torch.Generator` (printed `<torch._C.Generator object at 0x…>`): PyTorch's CPU generator,
/// `torch.default_generator` or one of the user's own.
final class PyGenerator: PyObject, PyAttributeProviding {
    let generator: CPUGenerator
    init(_ generator: CPUGenerator) { self.generator = generator }

    /// `torch.default_generator`, which `torch.manual_seed` returns.
    nonisolated(unsafe) static let shared = PyGenerator(.shared)

    override var typeName: String { "torch._C.Generator" }

    func attribute(_ name: String) throws -> Value? {
        if name == "device" { return .object(PyDevice.cpu) }
        return TorchGenerator.methods[name].map { .object(PyBoundMethod(receiver: .object(self), function: $0)) }
    }
}

enum TorchGenerator {
    /// `torch.Generator(device='cpu')`.
    nonisolated(unsafe) static let type = PyTypeObject(
        name: "Generator", qualifiedName: "torch._C.Generator",
        constructor: PyBuiltin("Generator(device='cpu')", style: .torch) { args in
            try TorchDevices.check(args["device"])
            return .object(PyGenerator(CPUGenerator()))
        },
        matches: { v in if case .object(let o) = v { return o is PyGenerator } else { return false } })

    nonisolated(unsafe) static let methods: [String: PyBuiltin] = Dictionary(uniqueKeysWithValues: [
        PyBuiltin("manual_seed(self, seed)", style: .torch) { args in
            let g = try receiver(args)
            guard let seed = try exactSeed(args["seed"]) else {
                throw PyError.runtime("manual_seed expected a long, but got \(args["seed"].typeName)")
            }
            g.generator.manualSeed(seed)
            return .object(g)
        },
        PyBuiltin("seed(self)", style: .torch) { args in seedValue(try receiver(args).generator.seedNondeterministically()) },
        PyBuiltin("initial_seed(self)", style: .torch) { args in seedValue(try receiver(args).generator.initialSeed) },
        PyBuiltin("get_state(self)", style: .torch) { args in .tensor(try TorchBridge.run { try receiver(args).generator.stateTensor() }) },
        PyBuiltin("set_state(self, new_state)", style: .torch) { args in
            let g = try receiver(args)
            try setState(g.generator, args["new_state"])
            return .object(g)
        },
    ].map { ($0.name, $0) })

    /// `set_state`'s argument: a uint8 tensor of the state's size.
    private static func setState(_ generator: CPUGenerator, _ state: Value) throws {
        guard case .tensor(let t) = state else { throw PyError.type("expected a torch.ByteTensor, but got \(state.typeName)") }
        try TorchBridge.run { try generator.setState(t) }
    }

    /// The module's `manual_seed seed initial_seed`, on the default generator.
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("manual_seed(seed)", style: .torch) { args in
                CPUGenerator.shared.manualSeed(try integerSeed(args["seed"]))
                return .object(PyGenerator.shared)
            },
            PyBuiltin("seed()", style: .torch) { _ in seedValue(CPUGenerator.shared.seedNondeterministically()) },
            PyBuiltin("initial_seed()", style: .torch) { _ in seedValue(CPUGenerator.shared.initialSeed) },
            PyBuiltin("get_rng_state()", style: .torch) { _ in .tensor(try TorchBridge.run { try CPUGenerator.shared.stateTensor() }) },
            PyBuiltin("set_rng_state(new_state)", style: .torch) { args in
                try setState(.shared, args["new_state"])
                return .none
            },
        ]
    }

    /// `generator=`: None means the default generator.
    static func generator(_ args: BoundArguments) throws -> CPUGenerator {
        switch args["generator"] {
        case .none: return .shared
        case .object(let g as PyGenerator): return g.generator
        case let other: throw args.mismatch("generator", expected: "torch.Generator", got: other)
        }
    }

    private static func receiver(_ args: BoundArguments) throws -> PyGenerator {
        guard case .object(let g as PyGenerator) = args["self"] else {
            throw PyError.type("descriptor requires a 'torch._C.Generator' object but received a '\(args["self"].typeName)'")
        }
        return g
    }

    /// A seed as Python sees it: the whole unsigned 64-bit value.
    private static func seedValue(_ seed: UInt64) -> Value {
        .integer(BigInt(seed))
    }

    /// An int seed: -2^63 ..< 2^64, negative ones wrapping as in PyTorch; nil for a non-int.
    private static func exactSeed(_ v: Value) throws -> UInt64? {
        let n: BigInt
        switch v {
        case .int(let i): n = BigInt(i)
        case .bigInt(let b): n = b
        case .bool(let b): n = b ? 1 : 0
        default: return nil
        }
        if let u = UInt64(exactly: n) { return u }
        if let i = Int64(exactly: n) { return UInt64(bitPattern: i) }
        throw PyError.value("Overflow when unpacking long long")
    }

    /// `torch.manual_seed(seed)` first applies `int()`: floats truncate, strings parse.
    private static func integerSeed(_ v: Value) throws -> UInt64 {
        try exactSeed(.integer(try pythonInt(v))) ?? 0
    }

    /// `int(v)` for the kinds a seed comes as: ints, bools, floats and decimal strings.
    private static func pythonInt(_ v: Value) throws -> BigInt {
        switch v {
        case .int(let i): return BigInt(i)
        case .bigInt(let b): return b
        case .bool(let b): return b ? 1 : 0
        case .float(let d) where d.isFinite: return BigInt(d)
        case .float(let d):
            throw d.isNaN ? PyError.value("cannot convert float NaN to integer")
                          : PyError.overflow("cannot convert float infinity to integer")
        case .str(let s):
            let text = s.string.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
            guard let n = BigInt(text) else {
                throw PyError.value("invalid literal for int() with base 10: \(Repr.string(s.string))")
            }
            return n
        default:
            throw PyError.type("int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
        }
    }

    /// `torch.cuda.manual_seed` and `manual_seed_all`: without CUDA, PyTorch keeps the seed for a
    /// device that never comes, after `int()` of it.
    static var cudaFunctions: [PyBuiltin] {
        ["manual_seed", "manual_seed_all"].map { name in
            PyBuiltin("\(name)(seed)", style: .torch) { args in
                _ = try pythonInt(args["seed"])
                return .none
            }
        }
    }
}
