import GradTensor

/// The tensor methods that draw: in-place `uniform_ normal_ random_ bernoulli_ exponential_
/// geometric_ cauchy_ log_normal_`, and `bernoulli` and `multinomial` (shared with the `torch`
/// functions).
enum TorchRandomMethods {
    static var methods: [PyBuiltin] {
        [
            fill("uniform_(self, from_=0, to=1, *, generator=None)", recordedAs: "UniformBackward0") { t, args in
                let (from, to) = (try args.scalar("from_").doubleValue, try args.scalar("to").doubleValue)
                if t.dtype.isFloatingPoint {
                    let largest = t.dtype == .float32 ? Double(Float.greatestFiniteMagnitude) : .greatestFiniteMagnitude
                    for (name, bound) in [("from", from), ("to", to)] where !(bound >= -largest && bound <= largest) {
                        throw TorchError.runtime("\(name) is out of bounds for \(t.dtype.cTypeName)")
                    }
                    if to - from > largest {
                        throw TorchError.runtime("uniform_ expects to-from <= std::numeric_limits<\(t.dtype.scalarTypeName)>::max(), but found to=\(number(to)) and from=\(number(from)) which result in to-from to exceed the limit")
                    }
                }
                if from > to {
                    throw TorchError.runtime("uniform_ expects to return a [from, to) range, but found from=\(number(from)) > to=\(number(to))")
                }
                return .uniform(from: from, to: to)
            },
            fill("normal_(self, mean=0, std=1, *, generator=None)", recordedAs: "NormalBackward0") { _, args in
                let std = try args.scalar("std").doubleValue
                try TorchRandomBindings.checkStd(std)
                return .normal(mean: try args.scalar("mean").doubleValue, std: std)
            },
            tensorMethodReturningTensor("random_(self, *bounds, to=None, generator=None)") { t, args in
                try randomIntegers(t, args)
            },
            tensorMethodReturningTensor("bernoulli_(self, p=0.5, *, generator=None)") { t, args in
                let generator = try TorchGenerator.generator(args)
                if case .tensor(let p) = args["p"] { return try t.fillBernoulli(p, generator: generator) }
                let p = try args.scalar("p").doubleValue
                if !(p >= 0 && p <= 1) {
                    throw TorchError.runtime("bernoulli_ expects p to be in [0, 1], but got p=\(number(p))")
                }
                return try t.fillRandom(.bernoulli(p: p), recordedAs: "BernoulliBackward2", generator: generator)
            },
            fill("exponential_(self, lambd=1, *, generator=None)", recordedAs: "ExponentialBackward0") { t, args in
                let lambda = try args.scalar("lambd").doubleValue
                if !(lambda > 0) {
                    throw TorchError.runtime("exponential_ expects lambda > 0.0, but found lambda=\(number(lambda))")
                }
                if !t.dtype.isFloatingPoint {
                    throw TorchError.runtime("Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified \(t.dtype.scalarTypeName)")
                }
                return .exponential(lambda: lambda)
            },
            fill("geometric_(self, p, *, generator=None)", recordedAs: "GeometricBackward0") { _, args in
                let p = try args.scalar("p").doubleValue
                if !(p > 0 && p < 1) {
                    throw TorchError.runtime("geometric_ expects p to be in (0, 1), but got p=\(number(p))")
                }
                return .geometric(p: p)
            },
            fill("cauchy_(self, median=0, sigma=1, *, generator=None)", recordedAs: "CauchyBackward0") { t, args in
                let sigma = try args.scalar("sigma").doubleValue
                if !(sigma > 0) { throw TorchError.runtime("cauchy_ expects sigma > 0.0, but found sigma=\(number(sigma))") }
                if !t.dtype.isFloatingPoint {
                    throw TorchError.runtime("Cauchy distribution is a continuous probability distribution. dtype must be a floating point but you specified \(t.dtype.cTypeName)")
                }
                return .cauchy(median: try args.scalar("median").doubleValue, sigma: sigma)
            },
            fill("log_normal_(self, mean=1, std=2, *, generator=None)", recordedAs: "LogNormalBackward0") { _, args in
                let std = try args.scalar("std").doubleValue
                if !(std > 0) { throw TorchError.runtime("log_normal_ expects std > 0.0, but found std=\(number(std))") }
                return .logNormal(mean: try args.scalar("mean").doubleValue, std: std)
            },
            tensorMethodReturningTensor("bernoulli(self, p=None, *, generator=None)") { t, args in try bernoulli(t, args) },
            tensorMethodReturningTensor("multinomial(self, num_samples, replacement=False, *, generator=None)") { t, args in
                try multinomial(t, args)
            },
        ]
    }

    /// `bernoulli(input)` draws with the input's elements as probabilities; `bernoulli(input, p)`
    /// with one probability for a tensor shaped and typed like the input.
    static func bernoulli(_ t: Tensor, _ args: BoundArguments) throws -> Tensor {
        let generator = try TorchGenerator.generator(args)
        if args["p"].isNone { return try t.bernoulli(generator: generator) }
        let p = try args.scalar("p").doubleValue
        if !(p >= 0 && p <= 1) { throw TorchError.runtime("bernoulli_ expects p to be in [0, 1], but got p=\(number(p))") }
        return try Tensor.drawn(t.shape, dtype: t.dtype, .bernoulli(p: p), generator: generator)
    }

    static func multinomial(_ t: Tensor, _ args: BoundArguments) throws -> Tensor {
        try t.multinomial(try args.int("num_samples"), replacement: try args.bool("replacement"),
                          generator: try TorchGenerator.generator(args))
    }

    /// `random_()`, `random_(to)`, `random_(from, to)` (to may be None: up to the dtype's largest),
    /// recorded as PyTorch's RandomBackward2, 1 and 0.
    private static func randomIntegers(_ t: Tensor, _ args: BoundArguments) throws -> Tensor {
        let positional = args.varargs("bounds")
        if positional.count > 2 { throw PyError.type("random_() takes 2 positional arguments but \(positional.count) were given") }
        let bounds = positional + (args.has("to") ? [args["to"]] : [])
        func int(_ v: Value, _ name: String) throws -> Int64 {
            guard let i = try v.asTorchInt else {
                // PyTorch's parser then lists the overloads.
                let given = positional.map(\.typeName) + (args.has("to") ? ["to=\(args["to"].typeName)"] : [])
                throw PyError.type("random_() received an invalid combination of arguments - got (\(given.joined(separator: ", "))), but expected one of:\n * (*, torch.Generator generator = None)\n * (int from, int to, *, torch.Generator generator = None)\n * (int to, *, torch.Generator generator = None)\n")
            }
            return Int64(i)
        }
        let (draw, warnings): (RandomDraw, [String])
        switch bounds.count {
        case 0: (draw, warnings) = (.bits, [])
        case 1: (draw, warnings) = try Tensor.integers(from: 0, to: try int(bounds[0], "to"), dtype: t.dtype)
        default:
            let from = try int(bounds[0], "from")
            (draw, warnings) = bounds[1].isNone ? try Tensor.integers(from: from, dtype: t.dtype)
                                                : try Tensor.integers(from: from, to: try int(bounds[1], "to"), dtype: t.dtype)
        }
        for warning in warnings { try args.interpreter.warn(warning) }
        return try t.fillRandom(draw, recordedAs: "RandomBackward\(2 - bounds.count)", generator: try TorchGenerator.generator(args))
    }

    /// An in-place fill method: `draw` reads the arguments; the tensor is filled (the write
    /// recorded as `node`) and returned.
    private static func fill(_ signature: String, recordedAs node: String,
                             _ draw: @escaping (Tensor, BoundArguments) throws -> RandomDraw) -> PyBuiltin {
        tensorMethodReturningTensor(signature) { t, args in
            try t.fillRandom(try draw(t, args), recordedAs: node, generator: try TorchGenerator.generator(args))
        }
    }

    private static func number(_ d: Double) -> String { TorchRandomBindings.cNumber(d) }
}
