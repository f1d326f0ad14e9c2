import Foundation
import GradTensor

/// Statistics of a tensor's elements: `median`, `nanmedian`, `mode`, `quantile`,
/// `nanquantile`, `aminmax`, `cov`, `corrcoef` (functions and methods), and the functions
/// `var_mean` and `std_mean`.
enum TorchStatisticsBindings {
    static var ops: [TorchOp] {
        [
            median("median", ignoringNaN: false),
            median("nanmedian", ignoringNaN: true),
            TorchOp("mode", "dim=-1, keepdim=False") { t, args in
                let (dim, keepdim) = (try args.int("dim"), try args.bool("keepdim"))
                let (values, indices) = try TorchBridge.run { try t.mode(dim: dim, keepdim: keepdim) }
                return TorchReductionBindings.namedTuple("torch.return_types.mode", ["values": values, "indices": indices])
            },
            quantile("quantile", ignoringNaN: false),
            quantile("nanquantile", ignoringNaN: true),
            TorchOp("aminmax", "*, dim=None, keepdim=False") { t, args in
                let (dim, keepdim) = (try args.optionalInt("dim"), try args.bool("keepdim"))
                let (min, max) = try TorchBridge.run { try t.aminmax(dim: dim, keepdim: keepdim) }
                return TorchReductionBindings.namedTuple("torch.return_types.aminmax", ["min": min, "max": max])
            },
            TorchOp("cov", "*, correction=1, fweights=None, aweights=None") { t, args in
                let correction = try args.int("correction")
                let (f, a) = (try optionalTensor(args, "fweights"), try optionalTensor(args, "aweights"))
                let warn = degreesOfFreedomWarning(args)
                return .tensor(try TorchBridge.run { try t.covariance(correction: correction, frequencyWeights: f, weights: a, warn: warn) })
            },
            TorchOp("corrcoef") { t, args in
                let warn = degreesOfFreedomWarning(args)
                return .tensor(try TorchBridge.run { try t.correlationCoefficients(warn: warn) })
            },
        ]
    }

    private static func optionalTensor(_ args: BoundArguments, _ name: String) throws -> Tensor? {
        args[name].isNone ? nil : try args.tensor(name)
    }

    /// `cov`'s warning, where PyTorch's C++ gives it.
    private static func degreesOfFreedomWarning(_ args: BoundArguments) -> (String) throws -> Void {
        { message in
            try args.interpreter.warn(message + " (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Correlation.cpp:129.)")
        }
    }

    /// `var_mean` and `std_mean`: a plain tuple (spread, mean).
    static var functions: [PyBuiltin] {
        [("var_mean", false), ("std_mean", true)].map { name, takeSquareRoot in
            PyBuiltin("\(name)(input, dim=None, unbiased=True, keepdim=False, *, correction=None)", style: .torch) { args in
                let t = try args.receiver
                let (dims, keepdim) = (try args.dims("dim"), try args.bool("keepdim"))
                let correction = try TorchReductionBindings.correction(args)
                let (spread, mean) = try TorchBridge.run {
                    try t.spreadAndMean(dims: dims, correction: correction, keepdim: keepdim, takeSquareRoot: takeSquareRoot)
                }
                return .object(PyTuple([.tensor(spread), .tensor(mean)]))
            }
        }
    }

    /// `median()` → the lower median of all elements; `median(dim, keepdim)` →
    /// `torch.return_types.median(values, indices)`.
    private static func median(_ name: String, ignoringNaN: Bool) -> TorchOp {
        TorchOp(name, "dim=None, keepdim=False") { t, args in
            guard let dim = try args.optionalInt("dim") else {
                return .tensor(try TorchBridge.run { try t.median(ignoringNaN: ignoringNaN) })
            }
            let keepdim = try args.bool("keepdim")
            let (values, indices) = try TorchBridge.run { try t.median(dim: dim, keepdim: keepdim, ignoringNaN: ignoringNaN) }
            return TorchReductionBindings.namedTuple("torch.return_types.\(name)", ["values": values, "indices": indices])
        }
    }

    /// `quantile(q, dim=None, keepdim=False, *, interpolation='linear')`: `q` a number in
    /// [0, 1] or a tensor of them.
    private static func quantile(_ name: String, ignoringNaN: Bool) -> TorchOp {
        TorchOp.tensor(name, "q, dim=None, keepdim=False, *, interpolation='linear'") { t, args in
            let text = try args.string("interpolation")
            guard let interpolation = QuantileInterpolation(rawValue: text) else {
                throw PyError.runtime("quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, but got \(text)")
            }
            let q: Tensor
            if case .tensor(let given) = args["q"] {
                q = given
            } else {
                let value = try args.scalar("q").doubleValue
                guard value >= 0 && value <= 1 else {
                    throw PyError.runtime("quantile() q must be in the range [0, 1] but got \(String(format: "%g", value))")
                }
                q = try Tensor.full([], .double(value), dtype: t.dtype)
            }
            return try t.quantile(q, dim: try args.optionalInt("dim"), keepdim: try args.bool("keepdim"),
                                  interpolation: interpolation, ignoringNaN: ignoringNaN)
        }.withOut
    }
}
