import GradTensor

/// Between torch and grad's numpy: `torch.from_numpy(a)` and `t.numpy()` share memory (both
/// sides are views of one GradTensor storage), `torch.as_tensor(a)` shares it when the dtype
/// already fits, `torch.tensor(a)` copies (see TorchData).
enum TorchNumpyBindings {
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("from_numpy(ndarray)", style: .torch) { args in
                guard case .object(let a as NDArray) = args["ndarray"] else {
                    throw PyError.type("expected np.ndarray (got \(args["ndarray"].typeName))")
                }
                return .tensor(a.tensor.detach())
            },
            PyBuiltin("as_tensor(data, dtype=None, device=None)", style: .torch) { args in
                try TorchDevices.check(args["device"])
                let dtype = try args.dtype()
                switch args["data"] {
                case .tensor(let t) where dtype == nil || dtype == t.dtype: return args["data"]
                case .object(let a as NDArray) where dtype == nil || dtype == a.tensor.dtype: return .tensor(a.tensor.detach())
                default: return .tensor(try TorchData.tensor(from: args["data"], dtype: dtype, copyWarning: nil))
                }
            },
        ]
    }

    static var methods: [PyBuiltin] {
        [
            tensorMethod("numpy(self, *, force=False)") { t, _ in
                if t.requiresGrad {
                    throw PyError.runtime("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
                }
                return .object(NDArray(t.detach()))
            },
        ]
    }
}
