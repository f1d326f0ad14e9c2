import Foundation
import GradTensor

/// Factories: `tensor zeros ones empty full arange linspace eye *_like rand randn randint
/// rand_like randn_like randperm normal manual_seed`.
enum TorchCreationBindings {
    /// Keyword-only options every factory shares (`device` is checked; grad has the CPU only).
    private static let options = "dtype=None, device=None, requires_grad=False"

    /// Factories of a size: `zeros(2, 3)`, `zeros((2, 3))`, `zeros(size=(2, 3))`.
    private static let sized: [(String, @Sendable ([Int], DType?) throws -> Tensor)] = [
        ("zeros", { try Tensor.zeros($0, dtype: $1 ?? .defaultFloat) }),
        ("ones", { try Tensor.ones($0, dtype: $1 ?? .defaultFloat) }),
        // grad zero-fills what PyTorch leaves uninitialised.
        ("empty", { try Tensor.zeros($0, dtype: $1 ?? .defaultFloat) }),
        ("rand", { try Tensor.rand($0, dtype: $1 ?? .defaultFloat) }),
        ("randn", { try Tensor.randn($0, dtype: $1 ?? .defaultFloat) }),
    ]

    /// Factories shaped like a tensor: `zeros_like(x)`.
    private static let like: [(String, @Sendable (Tensor, DType?) throws -> Tensor)] = [
        ("zeros_like", { try Tensor.zerosLike($0, dtype: $1) }),
        ("ones_like", { try Tensor.onesLike($0, dtype: $1) }),
        ("empty_like", { try Tensor.zerosLike($0, dtype: $1) }),
        ("rand_like", { try Tensor.rand($0.shape, dtype: $1 ?? $0.dtype) }),
        ("randn_like", { try Tensor.randn($0.shape, dtype: $1 ?? $0.dtype) }),
    ]

    static var functions: [PyBuiltin] {
        sized.map { name, make in
            factory("\(name)(*sizes, size=None, \(options), generator=None)") { args in
                try make(try args.size(varargs: "sizes", keyword: "size"), try args.dtype())
            }
        } + like.map { name, make in
            factory("\(name)(input, *, \(options))") { args in try make(try args.tensor("input"), try args.dtype()) }
        } + [
            tensor,
            factory("full(size, fill_value, *, \(options))") { args in
                try Tensor.full(try args.sizeSequence("size"), try args.scalar("fill_value"), dtype: try args.dtype())
            },
            factory("full_like(input, fill_value, *, \(options))") { args in
                try Tensor.fullLike(try args.tensor("input"), try args.scalar("fill_value"), dtype: try args.dtype())
            },
            factory("arange(start=None, end=None, step=None, *, \(options))", arange),
            factory("linspace(start, end, steps, *, \(options))") { args in
                let steps = try args.int("steps")
                if steps < 0 { throw TorchError.runtime("number of steps must be non-negative") }
                return try Tensor.linspace(try args.scalar("start").doubleValue, try args.scalar("end").doubleValue,
                                           steps: steps, dtype: try args.dtype() ?? .defaultFloat)
            },
            factory("eye(n, m=None, *, \(options))") { args in
                let n = try args.int("n"), m = try args.optionalInt("m")
                if n.multipliedReportingOverflow(by: m ?? n).overflow {
                    throw TorchError.runtime("numel: integer multiplication overflow")
                }
                return try Tensor.eye(n, m, dtype: try args.dtype() ?? .defaultFloat)
            },
            factory("randperm(n, *, \(options), generator=None)") { args in
                try Tensor.randperm(try args.int("n"), dtype: try args.dtype() ?? .int64)
            },
            factory("normal(mean=0.0, std=1.0, size=None, *, \(options), generator=None)", normal),
            factory("randint(*args, low=None, high=None, size=None, \(options), generator=None)", randint),
            PyBuiltin("manual_seed(seed)") { args in
                RandomGenerator.manualSeed(try seed(args["seed"]))
                return .object(PyGenerator.shared)
            },
        ]
    }

    /// `torch.tensor(data, dtype=None, requires_grad=False)`; `grad=True` is grad's short spelling
    /// of `requires_grad=True`.
    private static var tensor: PyBuiltin {
        PyBuiltin("tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False, grad=None)") { args in
            try TorchDevices.check(args["device"])
            let requiresGrad = args.has("grad") ? try args.bool("grad") : try args.bool("requires_grad")
            let t = try TorchData.tensor(from: args["data"], dtype: try args.dtype(), copyWarning: args.interpreter)
            try TorchBridge.run { try t.setRequiresGrad(requiresGrad) }
            return .tensor(t)
        }
    }

    /// A factory taking the shared options: checks the device, then applies `requires_grad`.
    private static func factory(_ signature: String, _ make: @escaping (BoundArguments) throws -> Tensor) -> PyBuiltin {
        PyBuiltin(signature) { args in
            try TorchDevices.check(args["device"])
            let requiresGrad = try args.bool("requires_grad", noneMeans: false)
            return .tensor(try TorchBridge.run {
                let t = try make(args)
                try t.setRequiresGrad(requiresGrad)
                return t
            })
        }
    }

    /// `arange(end)`, `arange(start, end)`, `arange(start, end, step)`, or by keywords.
    private static func arange(_ args: BoundArguments) throws -> Tensor {
        // One bound alone is the end: PyTorch names it so in messages.
        let oneBound = args["end"].isNone
        func number(_ slot: String, shownAs shown: String, position: Int) throws -> Scalar {
            let v = args[slot]
            if case .bigInt = v { throw PyError.overflow("int too big to convert") }
            if let s = v.asScalar { return s }
            if case .tensor(let t) = v, t.rank == 0 { return try TorchBridge.run { try t.item() } }
            throw PyError.type("arange(): argument '\(shown)' (position \(position)) must be Number, not \(v.typeName)")
        }
        if args["start"].isNone && oneBound {
            throw PyError.type("arange() missing 1 required positional arguments: \"end\"")
        }
        let end = try number(oneBound ? "start" : "end", shownAs: "end", position: oneBound ? 1 : 2)
        let start = oneBound || args["start"].isNone ? Scalar.int(0) : try number("start", shownAs: "start", position: 1)
        let step = args["step"].isNone ? Scalar.int(1) : try number("step", shownAs: "step", position: 3)
        let (a, b) = (start.doubleValue, end.doubleValue)
        if !a.isFinite || !b.isFinite {
            // PyTorch prints the bounds as C++ streams do (`0`, `1.5`, `nan`).
            throw TorchError.runtime("unsupported range: \(String(format: "%g", a)) -> \(String(format: "%g", b))")
        }
        let count = ((b - a) / step.doubleValue).rounded(.up)
        if step.doubleValue != 0, !(count < 9.223372036854775807e18) {
            throw TorchError.runtime("invalid size, possible overflow?")
        }
        return try Tensor.arange(start: start, end: end, step: step, dtype: try args.dtype())
    }

    /// `normal(mean, std, size)` of numbers, or `normal(mean, std)` with tensors (broadcast):
    /// `mean + std * randn`, not recorded.
    private static func normal(_ args: BoundArguments) throws -> Tensor {
        func operand(_ name: String) throws -> Tensor {
            if case .tensor(let t) = args[name] { return t.detach() }
            return try Tensor.wrapping(args.scalar(name))
        }
        let (mean, std) = (try operand("mean"), try operand("std"))
        let shape = args["size"].isNone ? try Shape.broadcast(mean.shape, std.shape) : try args.sizeSequence("size")
        let dtype = try args.dtype() ?? TypePromotion.resultType([mean, std, Tensor.wrapping(.double(0))])
        return try GradMode.with(enabled: false) { try Tensor.randn(shape, dtype: dtype).mul(std).add(mean) }
    }

    /// `randint(high, size)` or `randint(low, high, size)`, positionally or by keyword: with three
    /// values in all, the first positional one is `low`.
    private static func randint(_ args: BoundArguments) throws -> Tensor {
        let positional = args.varargs("args")
        let slots = ["low", "high", "size"]
        let byKeyword = slots.filter { !args[$0].isNone }
        let names = (positional.count + byKeyword.count >= 3 ? slots : ["high", "size"]).filter { !byKeyword.contains($0) }
        if positional.count > names.count {
            throw PyError.type("randint() takes at most 3 positional arguments (\(positional.count) given)")
        }
        var given: [String: Value] = [:]
        for (name, value) in zip(names, positional) { given[name] = value }
        for name in byKeyword { given[name] = args[name] }
        func int(_ name: String, position: Int) throws -> Int64 {
            switch given[name] ?? .none {
            case .int(let i): return Int64(i)
            case .bigInt: throw PyError.value("Overflow when unpacking long long")
            case let other: throw PyError.type("randint(): argument '\(name)' (position \(position)) must be int, not \(other.typeName)")
            }
        }
        let sizeValue = given["size"] ?? .none
        guard let items = sizeValue.sequenceItems else {
            throw PyError.type("randint(): argument 'size' (position \(names.count)) must be tuple of ints, not \(sizeValue.typeName)")
        }
        let size = try items.map { item -> Int in
            guard let i = try item.asTorchInt else { throw PyError.type("randint(): argument 'size' must be tuple of ints, but found element of type \(item.typeName)") }
            return i
        }
        let low = given["low"] == nil ? 0 : try int("low", position: 1)
        let high = try int("high", position: names.count == 3 ? 2 : 1)
        return try Tensor.randint(low: low, high: high, size, dtype: try args.dtype() ?? .int64)
    }

    /// `manual_seed(seed)`: any Python int (negative ones wrap, as in PyTorch), or what `int()` accepts.
    private static func seed(_ v: Value) throws -> UInt64 {
        switch v {
        case .int(let i): return UInt64(bitPattern: Int64(i))
        case .bool(let b): return b ? 1 : 0
        case .float(let d) where d.isFinite && Swift.abs(d) < 9.2e18: return UInt64(bitPattern: Int64(d))
        case .bigInt: throw PyError.value("Overflow when unpacking long long")
        case .str(let s):
            guard let i = Int64(s.string) else { throw PyError.value("invalid literal for int() with base 10: \(Repr.string(s.string))") }
            return UInt64(bitPattern: i)
        default: throw PyError.type("int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
        }
    }
}
