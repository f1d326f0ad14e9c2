import Foundation
import GradTensor

/// Factories: `tensor zeros ones empty full arange linspace eye *_like` (the random ones are
/// `TorchRandomBindings`).
enum TorchCreationBindings {
    /// Keyword-only options every factory shares (`device` is checked; grad has the CPU only).
    static let options = "dtype=None, device=None, requires_grad=False"

    /// Factories of a size: `zeros(2, 3)`, `zeros((2, 3))`, `zeros(size=(2, 3))`.
    private static let sized: [(String, @Sendable ([Int], DType?) throws -> Tensor)] = [
        ("zeros", { try Tensor.zeros($0, dtype: $1 ?? .defaultFloat) }),
        ("ones", { try Tensor.ones($0, dtype: $1 ?? .defaultFloat) }),
        // grad zero-fills what PyTorch leaves uninitialised.
        ("empty", { try Tensor.zeros($0, dtype: $1 ?? .defaultFloat) }),
    ]

    /// Factories shaped like a tensor: `zeros_like(x)`.
    private static let like: [(String, @Sendable (Tensor, DType?, MemoryFormat) throws -> Tensor)] = [
        ("zeros_like", { try Tensor.zerosLike($0, dtype: $1, memoryFormat: $2) }),
        ("ones_like", { try Tensor.onesLike($0, dtype: $1, memoryFormat: $2) }),
        ("empty_like", { try Tensor.zerosLike($0, dtype: $1, memoryFormat: $2) }),
    ]

    static var functions: [PyBuiltin] {
        sized.map { name, make in
            factory("\(name)(*sizes, size=None, \(options))") { args in
                try make(try args.size(varargs: "sizes", keyword: "size"), try args.dtype())
            }
        } + like.map { name, make in
            factory("\(name)(input, *, \(options), memory_format=None)") { args in
                try make(try args.tensor("input"), try args.dtype(), try args.memoryFormat(default: .preserve))
            }
        } + [
            tensor,
            factory("full(size, fill_value, *, \(options))") { args in
                try Tensor.full(try args.sizeSequence("size"), try args.scalar("fill_value"), dtype: try args.dtype())
            },
            factory("full_like(input, fill_value, *, \(options), memory_format=None)") { args in
                try Tensor.fullLike(try args.tensor("input"), try args.scalar("fill_value"), dtype: try args.dtype(),
                                    memoryFormat: try args.memoryFormat(default: .preserve))
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
        ]
    }

    /// `torch.tensor(data, dtype=None, requires_grad=False)`; `grad=True` is grad's short spelling
    /// of `requires_grad=True`.
    private static var tensor: PyBuiltin {
        PyBuiltin("tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False, grad=None)", style: .torch) { args in
            try TorchDevices.check(args["device"])
            let requiresGrad = args.has("grad") ? try args.bool("grad") : try args.bool("requires_grad")
            let t = try TorchData.tensor(from: args["data"], dtype: try args.dtype(), copyWarning: args.interpreter)
            try TorchBridge.run { try t.setRequiresGrad(requiresGrad) }
            return .tensor(t)
        }
    }

    /// A factory taking the shared options: checks the device, then applies `requires_grad`.
    static func factory(_ signature: String, _ make: @escaping (BoundArguments) throws -> Tensor) -> PyBuiltin {
        PyBuiltin(signature, style: .torch) { args in
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
}
