import Foundation
import GradTensor

/// The random factories (`rand randn randint randperm normal bernoulli multinomial` and the
/// `*_like` ones) and seeding (`manual_seed seed initial_seed`); each takes `generator=`.
enum TorchRandomBindings {
    private static let options = TorchCreationBindings.options

    static var functions: [PyBuiltin] {
        let factory = TorchCreationBindings.factory
        return TorchGenerator.functions + [
            factory("rand(*sizes, size=None, \(options), generator=None)") { args in
                try Tensor.rand(try args.size(varargs: "sizes", keyword: "size"), dtype: try args.dtype() ?? .defaultFloat,
                                generator: try TorchGenerator.generator(args))
            },
            factory("randn(*sizes, size=None, \(options), generator=None)") { args in
                try Tensor.randn(try args.size(varargs: "sizes", keyword: "size"), dtype: try args.dtype() ?? .defaultFloat,
                                 generator: try TorchGenerator.generator(args))
            },
            factory("rand_like(input, *, \(options), generator=None)") { args in
                let t = try args.tensor("input")
                return try Tensor.drawn(like: t, dtype: try args.dtype() ?? t.dtype, .uniform(from: 0, to: 1),
                                        generator: try TorchGenerator.generator(args))
            },
            factory("randn_like(input, *, \(options), generator=None)") { args in
                let t = try args.tensor("input")
                return try Tensor.drawn(like: t, dtype: try args.dtype() ?? t.dtype, .normal(mean: 0, std: 1),
                                        generator: try TorchGenerator.generator(args))
            },
            factory("randint_like(input, low=None, high=None, *, \(options), generator=None)") { args in
                let t = try args.tensor("input")
                let bounds = [args["low"], args["high"]].filter { !$0.isNone }
                guard !bounds.isEmpty else {
                    throw PyError.type("randint_like() missing 1 required positional arguments: \"high\"")
                }
                let values = try bounds.map { v -> Int64 in
                    guard let i = try v.asTorchInt else { throw args.mismatch("high", expected: "int", got: v) }
                    return Int64(i)
                }
                let dtype = try args.dtype() ?? t.dtype
                let draw = try integers(from: values.count == 2 ? values[0] : 0, to: values[values.count - 1], dtype: dtype, args)
                return try Tensor.drawn(like: t, dtype: dtype, draw, generator: try TorchGenerator.generator(args))
            },
            factory("randint(*args, low=None, high=None, size=None, \(options), generator=None)", randint),
            factory("randperm(n, *, generator=None, \(options))") { args in
                let dtype = try args.dtype() ?? .int64
                if dtype == .bool { throw TorchError.notImplemented("\"randperm\" not implemented for 'Bool'") }
                return try Tensor.randperm(try args.int("n"), dtype: dtype, generator: try TorchGenerator.generator(args))
            },
            factory("normal(mean=0.0, std=1.0, size=None, *, generator=None, \(options))", normal),
            PyBuiltin("bernoulli(input, p=None, *, generator=None)", style: .torch) { args in
                let t = try args.tensor("input")
                return .tensor(try TorchBridge.run { try TorchRandomMethods.bernoulli(t, args) })
            },
            PyBuiltin("multinomial(input, num_samples, replacement=False, *, generator=None)", style: .torch) { args in
                let t = try args.tensor("input")
                return .tensor(try TorchBridge.run { try TorchRandomMethods.multinomial(t, args) })
            },
        ]
    }

    /// `normal(mean, std, size)` of numbers; with a tensor mean or std (broadcast), PyTorch's
    /// order: standard normals (scaled by a number std), times a tensor std, plus the mean.
    private static func normal(_ args: BoundArguments) throws -> Tensor {
        let generator = try TorchGenerator.generator(args)
        let (meanValue, stdValue) = (args["mean"], args["std"])
        if case .tensor = meanValue {} else if case .tensor = stdValue {} else {
            let std = try args.scalar("std").doubleValue
            try checkStd(std)
            guard !args["size"].isNone else {
                throw PyError.type("normal() received an invalid combination of arguments - got (float, float)")
            }
            return try Tensor.drawn(try args.sizeSequence("size"), dtype: try args.dtype() ?? .defaultFloat,
                                    .normal(mean: try args.scalar("mean").doubleValue, std: std), generator: generator)
        }
        // The result takes the dtype of the tensor operand (of the mean when both are tensors),
        // as PyTorch's in-place `mul_` and `add_` on its samples keep it.
        return try GradMode.with(enabled: false) {
            switch (meanValue, stdValue) {
            case (.tensor(let mean), .tensor(let std)):
                try checkStd(std)
                let shape = try Shape.broadcast(mean.shape, std.shape)
                return try Tensor.drawn(shape, dtype: mean.dtype, .normal(mean: 0, std: 1), generator: generator)
                    .mul_(std.detach()).add_(mean.detach())
            case (.tensor(let mean), _):
                let std = try args.scalar("std").doubleValue
                try checkStd(std)
                return try Tensor.drawn(mean.shape, dtype: mean.dtype, .normal(mean: 0, std: std), generator: generator)
                    .add_(mean.detach())
            case (_, .tensor(let std)):
                try checkStd(std)
                let samples = try Tensor.drawn(std.shape, dtype: std.dtype, .normal(mean: 0, std: 1), generator: generator)
                return try samples.mul_(std.detach()).add_(Tensor.full([], try args.scalar("mean"), dtype: std.dtype))
            default:
                throw PyError.type("normal() received an invalid combination of arguments")
            }
        }
    }

    static func checkStd(_ std: Double) throws {
        if !(std >= 0) { throw TorchError.runtime("normal expects std >= 0.0, but found std \(cNumber(std))") }
    }

    private static func checkStd(_ std: Tensor) throws {
        let values = try std.contiguous()
        if (0..<values.numel).contains(where: { !(values.element(atFlat: $0).doubleValue >= 0) }) {
            throw TorchError.runtime("normal expects all elements of std >= 0.0")
        }
    }

    /// A double as C++ streams print it (`-1`, `1.5`, `1e+10`).
    static func cNumber(_ d: Double) -> String { String(format: "%g", d) }

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
        let dtype = try args.dtype() ?? .int64
        return try Tensor.drawn(size, dtype: dtype, try integers(from: low, to: high, dtype: dtype, args),
                                generator: try TorchGenerator.generator(args))
    }

    /// `random_(from, to)`'s draw, giving PyTorch's warnings about float bounds.
    private static func integers(from low: Int64, to high: Int64, dtype: DType, _ args: BoundArguments) throws -> RandomDraw {
        let (draw, warnings) = try Tensor.integers(from: low, to: high, dtype: dtype)
        for warning in warnings { try args.interpreter.warn(warning) }
        return draw
    }
}
